package parties

import (
	"cmp"
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// fastWorld draws a register for comparing the fixed-point look-through with
// the decimal one: parties in layers, stakes from a layer to a lower one
// (and, if cyclic, a few back edges into parties held at most 95%), shares
// of 0 to 7 decimal places and now and then of 12 to 18 significant digits
// (so that products overflow fixed point), ranges and votes apart, and
// layers deep enough for long chains.
func fastWorld(t *rapid.T, cyclic bool) ([]Party, []Stake) {
	n := rapid.IntRange(2, 16).Draw(t, "parties")
	layers := rapid.IntRange(1, 8).Draw(t, "layers")
	ps := make([]Party, n)
	layer := make([]int, n)
	us, cn := MustJurisdiction("US"), MustJurisdiction("CN")
	for i := range ps {
		layer[i] = rapid.IntRange(0, layers-1).Draw(t, "layer")
		ps[i] = Party{ID: ID(fmt.Sprintf("p%02d", i)), Kind: rapid.SampledFrom([]Kind{Company, Company, Fund, Person, State}).Draw(t, "kind")}
		if rapid.Bool().Draw(t, "us") {
			ps[i].Jurisdiction = us
		} else {
			ps[i].Jurisdiction = cn
		}
	}
	room := make([]decimal.Decimal, n)
	for i := range room {
		room[i] = one
	}
	// A party held through a back edge keeps 5% for holders outside any
	// cycle, so that no group is held entirely by each other.
	capped := make([]bool, n)
	var ss []Stake
	for range rapid.IntRange(0, 4*n).Draw(t, "stakes") {
		h, s := rapid.IntRange(0, n-1).Draw(t, "holder"), rapid.IntRange(0, n-1).Draw(t, "subject")
		if h == s {
			continue
		}
		if layer[h] <= layer[s] {
			if !cyclic || rapid.IntRange(0, 3).Draw(t, "back edge") != 0 {
				continue
			}
			if !capped[s] {
				if room[s].Cmp(decimal.New(5, -2)) < 0 {
					continue
				}
				room[s], capped[s] = room[s].Sub(decimal.New(5, -2)), true
			}
		}
		hi := drawFraction(t, room[s])
		lo, taken := hi, hi
		switch rapid.IntRange(0, 5).Draw(t, "range") {
		case 0:
			lo = drawFraction(t, hi)
		case 1:
			// A range whose upper end may not hold together with the
			// others: only lower ends must add up to at most 100%.
			hi = hi.Add(drawFraction(t, one.Sub(hi)))
		}
		st := Stake{Holder: ps[h].ID, Subject: ps[s].ID, Economic: Between(lo, hi)}
		if rapid.IntRange(0, 3).Draw(t, "votes apart") == 0 {
			st.Voting = Exact(drawFraction(t, lo))
		}
		room[s] = room[s].Sub(taken)
		ss = append(ss, st)
	}
	return ps, ss
}

// drawFraction draws a decimal in [0, max]: usually of few places, sometimes
// of many digits, sometimes max itself or 0 in another representation.
func drawFraction(t *rapid.T, max decimal.Decimal) decimal.Decimal {
	switch rapid.IntRange(0, 9).Draw(t, "fraction kind") {
	case 0:
		return max
	case 1:
		// max with trailing zeros: the same value, another exponent.
		return decimal.NewFromBigInt(new(big.Int).Mul(max.Coefficient(), big.NewInt(100)), max.Exponent()-2)
	case 2:
		return decimal.New(0, -int32(rapid.IntRange(0, 4).Draw(t, "zero places")))
	case 3:
		places := int32(rapid.IntRange(12, 18).Draw(t, "many places"))
		k := rapid.Int64Range(0, max.Shift(places).IntPart()).Draw(t, "many digits")
		return decimal.New(k, -places)
	}
	places := int32(rapid.IntRange(0, 7).Draw(t, "places"))
	k := rapid.Int64Range(0, max.Shift(places).IntPart()).Draw(t, "digits")
	return decimal.New(k, -places)
}

// decimalRegister returns a copy of r whose look-through uses decimal
// arithmetic only.
func decimalRegister(r *Register) *Register {
	d := *r
	d.decimalOnly = true
	return &d
}

// requireSame fails unless got and want are deeply equal, decimals down to
// their coefficients and exponents, or are errors with the same message.
func requireSame[T any](t fatalfer, want, got T, wantErr, gotErr error, what string) {
	t.Helper()
	if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
		t.Fatalf("%s: error %v, want %v", what, gotErr, wantErr)
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

// fatalfer is what compareRegisters needs of a *testing.T or a *rapid.T.
type fatalfer interface {
	Helper()
	Fatalf(format string, args ...any)
}

func checkFastPath(t *rapid.T, cyclic bool) {
	ps, ss := fastWorld(t, cyclic)
	fast, err := New(ps, ss)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	compareRegisters(t, fast, ps)
}

// compareRegisters checks every look-through query on every party of fast
// against the decimal path.
func compareRegisters(t fatalfer, fast *Register, ps []Party) {
	t.Helper()
	slow := decimalRegister(fast)
	preds := []Predicate{In(MustJurisdiction("US"), Seat), OfKind(Person, State), Not(OfKind(Fund))}
	ms := []Method{
		Proportional(), Direct(),
		Attribution(Majority), Attribution(Threshold{Op: AtLeast, Value: decimal.New(25, -2)}),
		Rolling(Threshold{Op: MoreThan, Value: decimal.New(1, -1)}),
	}
	for _, p := range ps {
		above := map[*Register]*Above{}
		for _, reg := range []*Register{slow, fast} {
			a, err := reg.Above(p.ID)
			if err != nil {
				t.Fatalf("Above %s: %v", p.ID, err)
			}
			above[reg] = a
		}
		for _, m := range ms {
			what := fmt.Sprintf("%s under %s", p.ID, m)
			wantIn, wantErr := slow.LookThrough(p.ID, m)
			gotIn, gotErr := fast.LookThrough(p.ID, m)
			requireSame(t, wantIn, gotIn, wantErr, gotErr, "LookThrough "+what)
			for _, pr := range preds {
				want, wantErr := slow.OwnedBy(p.ID, pr, m)
				got, gotErr := fast.OwnedBy(p.ID, pr, m)
				requireSame(t, want, got, wantErr, gotErr, "OwnedBy "+pr.Name()+" in "+what)
				for _, reg := range []*Register{slow, fast} {
					share, shareErr := reg.OwnedShare(p.ID, pr, m)
					requireSame(t, want.Share, share, wantErr, shareErr, "OwnedShare "+pr.Name()+" in "+what)
					share, shareErr = above[reg].OwnedShare(pr, m)
					requireSame(t, want.Share, share, wantErr, shareErr, "Above.OwnedShare "+pr.Name()+" in "+what)
				}
				wantX, wantErr := slow.ExplainOwnedBy(p.ID, pr, m)
				gotX, gotErr := fast.ExplainOwnedBy(p.ID, pr, m)
				requireSame(t, wantX, gotX, wantErr, gotErr, "ExplainOwnedBy "+pr.Name()+" in "+what)
			}
			opts := &OwnerOptions{Method: m, Threshold: Threshold{Op: AtLeast, Value: decimal.New(1, -1)}}
			wantO, wantErr := slow.UltimateOwners(p.ID, opts)
			gotO, gotErr := fast.UltimateOwners(p.ID, opts)
			requireSame(t, wantO, gotO, wantErr, gotErr, "UltimateOwners "+what)
			for _, h := range ps {
				want, wantErr := slow.Explain(p.ID, h.ID, m)
				got, gotErr := fast.Explain(p.ID, h.ID, m)
				requireSame(t, want, got, wantErr, gotErr, "Explain "+string(h.ID)+" in "+what)
			}
		}
		for _, th := range []Threshold{Majority, {Op: AtLeast, Value: decimal.New(25, -2)}} {
			want, wantErr := controllersReference(slow, p.ID, th)
			got, gotErr := fast.Controllers(p.ID, th)
			requireSame(t, want, got, wantErr, gotErr, fmt.Sprintf("Controllers of %s %s", p.ID, th))
		}
	}
}

// TestPropertyFixedPointAgrees checks that look-through in fixed point gives
// the very decimals (coefficient and exponent) that decimal arithmetic gives,
// and the same errors, on random acyclic registers.
func TestPropertyFixedPointAgrees(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) { checkFastPath(t, false) })
}

// TestPropertyFixedPointAgreesOnCycles is TestPropertyFixedPointAgrees on
// registers with cross-holdings, where figures mix fixed point, decimals
// and the rational solution of cycles.
func TestPropertyFixedPointAgreesOnCycles(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) { checkFastPath(t, true) })
}

// TestFixedPointAbove100 compares the two paths where figures exceed 100%
// before they are capped: under attribution, H controls A and B, and A
// controls B, so H counts 60% of S through A, 30% through B and 30% more
// through A and B, and parties of either kind count H whole.
func TestFixedPointAbove100(t *testing.T) {
	ps := []Party{{ID: "s"}, {ID: "a"}, {ID: "b"}, {ID: "h", Kind: Person, Jurisdiction: MustJurisdiction("US")}, {ID: "p", Kind: State}}
	r, err := New(ps, []Stake{
		{Holder: "a", Subject: "s", Economic: Exact(decimal.New(6, -1))},
		{Holder: "b", Subject: "s", Economic: Between(decimal.New(3, -1), decimal.New(35, -2))},
		{Holder: "h", Subject: "a", Economic: Exact(decimal.New(7, -1))},
		{Holder: "a", Subject: "b", Economic: Exact(decimal.New(55, -2))},
		{Holder: "h", Subject: "b", Economic: Exact(decimal.New(4, -1))},
		{Holder: "p", Subject: "a", Economic: Exact(decimal.New(3, -1))},
	})
	if err != nil {
		t.Fatal(err)
	}
	o, err := r.OwnedBy("s", OfKind(Person), Attribution(Majority))
	if err != nil {
		t.Fatal(err)
	}
	if !o.Share.Equal(Exact(one)) {
		t.Errorf("H holds %s of S under attribution, want 100%% (capped from 120%%)", o.Share)
	}
	compareRegisters(t, r, ps)
}

// TestFixedPointFallsBack checks a chain long enough that its products do
// not fit in fixed point: the figures come out of decimal arithmetic, and
// parties above them too.
func TestFixedPointFallsBack(t *testing.T) {
	var ps []Party
	var ss []Stake
	const depth = 12
	for i := range depth + 1 {
		ps = append(ps, Party{ID: ID(fmt.Sprintf("c%02d", i))})
		if i > 0 {
			ss = append(ss, Stake{Holder: ps[i].ID, Subject: ps[i-1].ID, Economic: Exact(decimal.New(123, -3))})
		}
	}
	r, err := New(ps, ss)
	if err != nil {
		t.Fatal(err)
	}
	in, err := r.LookThrough("c00", Proportional())
	if err != nil {
		t.Fatal(err)
	}
	want := decimal.New(1, 0)
	for i := 1; i <= depth; i++ {
		want = want.Mul(decimal.New(123, -3))
		id := ID(fmt.Sprintf("c%02d", i))
		if got := in.Of(id).Min(); !got.Equal(want) || got.Exponent() != want.Exponent() {
			t.Errorf("%s: %s, want %s", id, got, want)
		}
	}
}

// TestFdec checks fixed-point arithmetic against decimals, representation
// included, and its overflow checks.
func TestFdec(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		draw := func(label string) decimal.Decimal {
			digits := rapid.IntRange(0, 19).Draw(t, label+" digits")
			c := int64(0)
			for range digits {
				c = c*10 + int64(rapid.IntRange(0, 9).Draw(t, label+" digit"))
			}
			if c < 0 {
				c = -c
			}
			return decimal.New(max(c, 0), int32(rapid.IntRange(-25, 2).Draw(t, label+" exponent")))
		}
		a, b := draw("a"), draw("b")
		fa, okA := fdecOf(a)
		fb, okB := fdecOf(b)
		if !okA || !okB {
			return
		}
		same := func(op string, want decimal.Decimal, got fdec, ok bool) {
			if !ok {
				if want.Coefficient().IsInt64() && want.Exponent() >= -fdecExpLimit {
					t.Fatalf("%s %s %s = %s refused", a, op, b, want)
				}
				return
			}
			d := got.decimal()
			if !reflect.DeepEqual(want, d) {
				t.Fatalf("%s %s %s: %s (%d, %d), want %s (%s, %d)", a, op, b, d, got.c, got.e, want, want.Coefficient(), want.Exponent())
			}
		}
		p, ok := fa.mul(fb)
		same("mul", a.Mul(b), p, ok)
		s, ok := fa.add(fb)
		same("add", a.Add(b), s, ok)
		if got, want := fa.cmp(fb), a.Cmp(b); got != want {
			t.Fatalf("cmp(%s, %s) = %d, want %d", a, b, got, want)
		}
		if got, want := fa.cmpOne(), a.Cmp(one); got != want {
			t.Fatalf("cmpOne(%s) = %d, want %d", a, got, want)
		}
	})
	if got := (fdec{}).decimal(); !reflect.DeepEqual(got, decimal.Zero) {
		t.Errorf("the zero fdec is %#v, not decimal.Zero", got)
	}
	s, ok := fdec{}.add(fdec{c: 5, e: -1, set: true})
	if !ok || !reflect.DeepEqual(s.decimal(), decimal.Zero.Add(decimal.New(5, -1))) {
		t.Errorf("0 + 0.5 = %#v", s.decimal())
	}
}

// controllersReference is Controllers as first written, with maps and
// decimals, for checking the faster one against.
func controllersReference(r *Register, subject ID, t Threshold) ([]Controller, error) {
	if t.Value.IsZero() && t.Op == AtLeast {
		t = Majority
	}
	si, err := r.lookup(subject)
	if err != nil {
		return nil, err
	}
	g := r.subgraph(si, func(int32) bool { return false })
	defer g.release()
	controls := func(c int32, hi bool) (bool, []Stake) {
		n := len(g.nodes)
		in := make([]bool, n)
		votes := make(map[int32]decimal.Decimal)
		by := make(map[int32][]int32)
		var order []int32
		in[c] = true
		queue := []int32{c}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for i := g.start[v]; i < g.start[v+1]; i++ {
				w := g.to[i]
				if in[w] {
					continue
				}
				e := &g.r.edges[g.via[i]]
				share := g.r.vote(e).min
				if hi {
					share = g.r.vote(e).max
				}
				sum, ok := votes[w]
				if !ok {
					sum = zero
				}
				votes[w] = sum.Add(share)
				by[w] = append(by[w], i)
				if t.Op.test(votes[w], t.Value) {
					in[w] = true
					order = append(order, w)
					if w != 0 {
						queue = append(queue, w)
						continue
					}
					need := map[int32]bool{0: true}
					var out []Stake
					for k := len(order) - 1; k >= 0; k-- {
						w := order[k]
						if !need[w] {
							continue
						}
						var ss []Stake
						for _, i := range by[w] {
							e := &g.r.edges[g.via[i]]
							h, _ := g.localOf(e.holder)
							need[h] = true
							g.r.yieldStakes(e, func(s Stake) bool { ss = append(ss, s); return true })
						}
						out = append(ss, out...)
					}
					return true, out
				}
			}
		}
		return false, nil
	}
	var out []Controller
	for v := int32(1); v < int32(len(g.nodes)); v++ {
		lo, _ := controls(v, false)
		hi, chain := controls(v, true)
		switch {
		case lo:
			out = append(out, Controller{Party: r.parties[g.nodes[v]].ID, Controls: Holds, Chain: chain})
		case hi:
			out = append(out, Controller{Party: r.parties[g.nodes[v]].ID, Controls: Open, Chain: chain})
		}
	}
	slices.SortFunc(out, func(a, b Controller) int {
		return cmp.Or(cmp.Compare(rankTruth(a.Controls), rankTruth(b.Controls)), cmp.Compare(a.Party, b.Party))
	})
	return out, nil
}

// TestWithinSet checks the set behind In against Jurisdiction.Within for
// every pair of two-letter codes that parse, the EU and the zero
// Jurisdiction.
func TestWithinSet(t *testing.T) {
	js := []Jurisdiction{{}}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if j, err := ParseJurisdiction(string([]rune{a, b})); err == nil {
				js = append(js, j)
			}
		}
	}
	if len(js) < 250 {
		t.Fatalf("only %d jurisdictions", len(js))
	}
	for _, j := range js {
		s := newWithinSet(j)
		for _, x := range js {
			if got, want := s.has(x), x.Within(j); got != want {
				t.Errorf("%s within %s: %t, want %t", x, j, got, want)
			}
		}
	}
}

// TestConcurrentQueries runs look-through queries on two registers from
// several goroutines at once, and checks each answer against the one
// computed alone: queries share working memory through a pool and, on the
// larger register, the spare the register keeps.
func TestConcurrentQueries(t *testing.T) {
	big := treeRegister(t, 300)
	big.spare = new(atomic.Pointer[scratch]) // as a register of many parties has
	small := treeRegister(t, 20)
	us := In(MustJurisdiction("US"), Seat)
	type answers struct {
		in  *Interests
		own Ownership
		cs  []Controller
		x   Explanation
	}
	ask := func(r *Register, subject, holder ID) answers {
		var a answers
		var err error
		if a.in, err = r.LookThrough(subject, Proportional()); err != nil {
			t.Error(err)
		}
		if a.own, err = r.OwnedBy(subject, us, Proportional()); err != nil {
			t.Error(err)
		}
		if a.cs, err = r.Controllers(subject, Majority); err != nil {
			t.Error(err)
		}
		if a.x, err = r.Explain(subject, holder, Attribution(Majority)); err != nil {
			t.Error(err)
		}
		return a
	}
	subjects := []ID{"c000", "c001", "c002", "c004"}
	want := map[*Register][]answers{}
	for _, r := range []*Register{big, small} {
		for _, s := range subjects {
			want[r] = append(want[r], ask(r, s, "c013"))
		}
	}
	done := make(chan struct{})
	for w := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 50 {
				r := big
				if (w+i)%3 == 0 {
					r = small
				}
				k := (w + i) % len(subjects)
				if got := ask(r, subjects[k], "c013"); !reflect.DeepEqual(want[r][k], got) {
					t.Errorf("worker %d, query %d: answers differ from those computed alone", w, i)
					return
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
}

// treeRegister returns a register of n companies, company i held by
// companies 3i+1 to 3i+3 (20%, 30% and 25% to 26%), and company 3i+1 also
// holding 5% of company i+1; every other company is seated in the US.
func treeRegister(t *testing.T, n int) *Register {
	t.Helper()
	ps := make([]Party, n)
	for i := range ps {
		ps[i] = Party{ID: ID(fmt.Sprintf("c%03d", i)), Jurisdiction: MustJurisdiction([]string{"US", "CN"}[i%2])}
	}
	shares := []Share{Exact(decimal.New(2, -1)), Exact(decimal.New(3, -1)), Between(decimal.New(25, -2), decimal.New(26, -2))}
	var ss []Stake
	for i := range ps {
		for k, sh := range shares {
			if h := 3*i + 1 + k; h < n {
				ss = append(ss, Stake{Holder: ps[h].ID, Subject: ps[i].ID, Economic: sh})
			}
		}
		if h := 3*i + 1; h < n && i+1 < h {
			ss = append(ss, Stake{Holder: ps[h].ID, Subject: ps[i+1].ID, Economic: Exact(decimal.New(5, -2))})
		}
	}
	r, err := New(ps, ss)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
