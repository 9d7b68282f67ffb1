package bods

import (
	"cmp"
	"slices"
)

// history applies the statements of each relationship record in order: a
// later statement of a record replaces the earlier ones from the date its
// change takes effect, and a closing statement ends the record. See the
// package documentation for the rules; this is where they are.
func (im *importer) history() {
	groups := im.recordGroups()
	for _, vs := range groups {
		if len(vs) < 2 && !im.versions.at(vs[0]).closed {
			continue
		}
		slices.SortFunc(vs, func(a, b int32) int {
			x, y := im.versions.at(a), im.versions.at(b)
			return cmp.Or(cmp.Compare(x.date, y.date), cmp.Compare(x.index, y.index))
		})
		im.applyRecord(vs)
	}
}

// recordGroups returns the versions of each relationship record.
func (im *importer) recordGroups() [][]int32 {
	var groups [][]int32
	if !im.old {
		for _, last := range im.relIdx {
			if im.versions.at(last).prev < 0 {
				if im.versions.at(last).closed {
					groups = append(groups, []int32{last})
				}
				continue
			}
			var vs []int32
			for v := last; v >= 0; v = im.versions.at(v).prev {
				vs = append(vs, v)
			}
			groups = append(groups, vs)
		}
		return groups
	}
	// 0.2/0.3: a statement that replaces a relationship statement continues
	// its record.
	byStmt := make(map[string]int32, im.versions.len())
	for i := range int32(im.versions.len()) {
		byStmt[im.versions.at(i).stmt] = i
	}
	root := func(i int32) int32 {
		for range 64 {
			rs := im.replaces[i]
			if len(rs) == 0 {
				break
			}
			j, ok := byStmt[rs[0]]
			if !ok || j == i {
				break
			}
			i = j
		}
		return i
	}
	byRoot := make(map[int32][]int32)
	var order []int32
	for i := range im.versions.len() {
		r := root(int32(i))
		if _, ok := byRoot[r]; !ok {
			order = append(order, r)
		}
		byRoot[r] = append(byRoot[r], int32(i))
	}
	for _, r := range order {
		groups = append(groups, byRoot[r])
	}
	return groups
}

// item is a stake (stake set) or a control fact of a version.
type item struct {
	stake bool
	i     int32
}

func (im *importer) items(v *relVersion) []item {
	var out []item
	for i := v.stakes[0]; i < v.stakes[1]; i++ {
		out = append(out, item{true, i})
	}
	for i := v.facts[0]; i < v.facts[1]; i++ {
		out = append(out, item{false, i})
	}
	return out
}

// same reports whether two items state the same interest, whatever their
// end dates.
func (im *importer) same(a, b item) bool {
	if a.stake != b.stake {
		return false
	}
	if a.stake {
		x, y := im.stakes.at(a.i), im.stakes.at(b.i)
		return x.holder == y.holder && x.subject == y.subject && im.shares.at(x.econ).Equal(*im.shares.at(y.econ)) &&
			im.shares.at(x.vote).Equal(*im.shares.at(y.vote)) && x.start == y.start
	}
	x, y := &im.facts[a.i], &im.facts[b.i]
	return x.InterestedParty == y.InterestedParty && x.Subject == y.Subject && x.Type == y.Type &&
		x.DirectOrIndirect == y.DirectOrIndirect && x.BeneficialOwnershipOrControl == y.BeneficialOwnershipOrControl &&
		x.Share.Equal(y.Share) && x.Details == y.Details && im.factRec[a.i].start == im.factRec[b.i].start
}

func (im *importer) startOf(it item) day {
	if it.stake {
		return im.stakes.at(it.i).start
	}
	return im.factRec[it.i].start
}

func (im *importer) dates(it item) (from, until *day) {
	if it.stake {
		s := im.stakes.at(it.i)
		return &s.from, &s.until
	}
	return &im.factRec[it.i].from, &im.factRec[it.i].until
}

func (im *importer) drop(it item) {
	if it.stake {
		im.stakes.at(it.i).holder = ""
	} else {
		im.facts[it.i].InterestedParty = ""
	}
}

// endAt makes it end on d at the latest.
func (im *importer) endAt(it item, d day) {
	_, until := im.dates(it)
	if *until == noDay || *until > d {
		*until = d
	}
}

func (im *importer) applyRecord(vs []int32) {
	var active []item
	prevDay := noDay
	for k, vi := range vs {
		v := im.versions.at(vi)
		news := im.items(v)
		if k == 0 {
			if v.closed {
				for _, it := range news {
					im.endAt(it, v.day)
				}
			} else {
				active = news
			}
			prevDay = v.day
			continue
		}
		matchedA := make([]bool, len(active))
		endGiven := make([]bool, len(active))
		matchedN := make([]bool, len(news))
		for ni, n := range news {
			for ai, a := range active {
				if matchedA[ai] || !im.same(a, n) {
					continue
				}
				matchedA[ai], matchedN[ni] = true, true
				if _, until := im.dates(n); *until != noDay {
					_, au := im.dates(a)
					*au = *until
					endGiven[ai] = true
				}
				im.drop(n)
				break
			}
		}
		changed := v.closed
		var starts []day
		for ni, n := range news {
			if !matchedN[ni] {
				changed = true
				starts = append(starts, im.startOf(n))
			}
		}
		for ai := range active {
			if !matchedA[ai] {
				changed = true
			}
		}
		if !changed {
			prevDay = v.day
			continue
		}
		e := im.effective(v, prevDay, starts)
		var next []item
		for ai, a := range active {
			if !matchedA[ai] || (v.closed && !endGiven[ai]) {
				im.endAt(a, e)
			}
			if matchedA[ai] && !v.closed {
				next = append(next, a)
			}
		}
		for ni, n := range news {
			if matchedN[ni] {
				continue
			}
			if from, _ := im.dates(n); *from == noDay || *from < e {
				*from = e
			}
			if v.closed {
				im.endAt(n, e)
			} else {
				next = append(next, n)
			}
		}
		active = next
		prevDay = v.day
	}
}

// effective returns the day a changing version takes effect: the earliest
// start date among its new interests that lies after the previous
// statement's day and not after its own; else the latest interest date
// declared by any relationship statement of its day in that window (the
// change it was declared with); else its own statement day.
func (im *importer) effective(v *relVersion, prevDay day, starts []day) day {
	best := noDay
	for _, s := range starts {
		if s != noDay && s > prevDay && s <= v.day && (best == noDay || s < best) {
			best = s
		}
	}
	if best != noDay {
		return best
	}
	for _, d := range im.dayDates[v.day] {
		if d > prevDay && d <= v.day && d > best {
			best = d
		}
	}
	if best != noDay {
		return best
	}
	return v.day
}
