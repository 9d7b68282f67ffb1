package regulator

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/parties"
)

// Facts are what a [World] is made of.
type Facts struct {
	// Register is the post-deal ownership register.
	Register *parties.Register
	// Target is the party the deal is about; conditions whose subject is
	// empty refer to it.
	Target parties.ID
	// Acquirers are the parties that acquire stakes in the deal.
	Acquirers []parties.ID
	// Terms are the deal's terms.
	Terms Terms
	// AsOf is the date the world is evaluated at.
	AsOf time.Time
}

// World is a read-only view of the world after a deal, against which
// conditions are evaluated. It caches look-through and control results so
// that conditions asking the same question share the answer; it is safe for
// concurrent use. Make one with [NewWorld]; the zero World is not usable.
type World struct {
	f Facts
	c *cache
}

// cache holds the look-through and control answers of one register; worlds
// derived with [World.WithTerms] share it.
type cache struct {
	owned memo[ownKey, ownResult]
	ctl   memo[ctlKey, ctlResult]
	// above holds the part of the register above each subject, collected
	// once for every look-through question about it.
	above memo[parties.ID, aboveResult]
}

// memo maps keys to values computed once each, on first request. It is safe
// for concurrent use; the zero memo is empty.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*memoEntry[V]
}

type memoEntry[V any] struct {
	once sync.Once
	v    V
}

// get returns the value of k, made by init from the zero V on the first
// request for k; concurrent requests for k wait for init to return.
func (m *memo[K, V]) get(k K, init func(*V)) *V {
	m.mu.Lock()
	e, ok := m.m[k]
	if !ok {
		if m.m == nil {
			m.m = make(map[K]*memoEntry[V])
		}
		e = &memoEntry[V]{}
		m.m[k] = e
	}
	m.mu.Unlock()
	e.once.Do(func() { init(&e.v) })
	return &e.v
}

type aboveResult struct {
	a   *parties.Above
	err error
}

type ownKey struct {
	subject parties.ID
	pred    string
	method  string
}

// ownResult is a cached look-through answer with the words explanations
// quote, formatted once per world.
type ownResult struct {
	total parties.Share // the share held, as parties.Register.OwnedShare gives it
	err   error
	share string // total.String()
	name  string // the subject's display name

	once sync.Once
	o    parties.Ownership // the full answer, with holders, made on first request
	oErr error

	// The results of the ownership conditions evaluated on this answer,
	// by the words and threshold that decide them: conditions of many
	// gates test the same share against the same thresholds. Readers load
	// the list; writers, holding mu, replace it.
	mu    sync.Mutex
	tests atomic.Pointer[[]ownTest]
}

// ownTest is the result of an ownership condition on a cached answer.
type ownTest struct {
	holders, threshold string // as in owned
	truth              Truth
	text               string
}

// explain returns what c.explain(r) returns, once per world for each of
// the words and thresholds that decide it.
func (r *ownResult) explain(c owned) (Truth, string) {
	if ts := r.tests.Load(); ts != nil {
		for i := range *ts {
			if t := &(*ts)[i]; t.holders == c.holders && t.threshold == c.threshold {
				return t.truth, t.text
			}
		}
	}
	truth, text := c.explain(r)
	r.mu.Lock()
	var ts []ownTest
	if old := r.tests.Load(); old != nil {
		ts = slices.Clip(*old)
	}
	ts = append(ts, ownTest{c.holders, c.threshold, truth, text})
	r.tests.Store(&ts)
	r.mu.Unlock()
	return truth, text
}

type ctlKey struct {
	subject   parties.ID
	threshold string
}

type ctlResult struct {
	cs   []parties.Controller
	err  error
	name string // the subject's display name
}

// NewWorld returns a world holding f. The acquirer list is copied.
func NewWorld(f Facts) *World {
	f.Acquirers = slices.Clone(f.Acquirers)
	f.AsOf = civil.Date(f.AsOf)
	return &World{f: f, c: &cache{}}
}

// WithTerms returns a world like w but with the deal's terms t. It shares
// w's register and its cached look-through and control answers, which do
// not depend on terms, so evaluating many term combinations over one
// post-deal register computes each answer once.
func (w *World) WithTerms(t Terms) *World {
	f := w.f
	f.Terms = t
	return &World{f: f, c: w.c}
}

// Register returns the post-deal register.
func (w *World) Register() *parties.Register { return w.f.Register }

// Target returns the deal's target.
func (w *World) Target() parties.ID { return w.f.Target }

// Acquirers returns a copy of the deal's acquirers.
func (w *World) Acquirers() []parties.ID { return slices.Clone(w.f.Acquirers) }

// Terms returns the deal's terms.
func (w *World) Terms() Terms { return w.f.Terms }

// AsOf returns the evaluation date.
func (w *World) AsOf() time.Time { return w.f.AsOf }

// subject resolves an empty subject to the target.
func (w *World) subject(id parties.ID) parties.ID {
	if id == "" {
		return w.f.Target
	}
	return id
}

// OwnedBy returns [parties.Register.OwnedBy] for the world's register,
// computing it once per subject, predicate ([parties.Predicate.Key]) and
// method. An empty subject means the target.
func (w *World) OwnedBy(subject parties.ID, p parties.Predicate, m parties.Method) (parties.Ownership, error) {
	r := w.ownedBy(subject, p, m, m.String())
	if r.err != nil {
		return parties.Ownership{}, r.err
	}
	// Conditions need only the total; the holders are listed on request.
	r.once.Do(func() { r.o, r.oErr = w.f.Register.OwnedBy(w.subject(subject), p, m) })
	o := r.o
	o.Predicate = p.Name()
	o.Holders = slices.Clone(o.Holders)
	return o, r.oErr
}

// ownedBy is [World.OwnedBy] returning the shared cache entry; method is
// m.String(), which callers may have computed once.
func (w *World) ownedBy(subject parties.ID, p parties.Predicate, m parties.Method, method string) *ownResult {
	subject = w.subject(subject)
	return w.c.owned.get(ownKey{subject, p.Key(), method}, func(r *ownResult) {
		r.name = w.partyName(subject)
		if w.f.Register == nil {
			r.err = errNoRegister
		} else {
			r.total, r.err = w.ownedShare(subject, p, m)
		}
		if r.err == nil {
			r.share = r.total.String()
		}
	})
}

// ownedShare returns [parties.Register.OwnedShare] for the world's
// register, which must be set, sharing the part of the register above
// subject between the questions about it.
func (w *World) ownedShare(subject parties.ID, p parties.Predicate, m parties.Method) (parties.Share, error) {
	a := w.c.above.get(subject, func(a *aboveResult) {
		a.a, a.err = w.f.Register.Above(subject)
	})
	if a.err != nil {
		return w.f.Register.OwnedShare(subject, p, m) // the register's own error
	}
	return a.a.OwnedShare(p, m)
}

// Controllers returns [parties.Register.Controllers] for the world's
// register, computing it once per subject and threshold. An empty subject
// means the target.
func (w *World) Controllers(subject parties.ID, t parties.Threshold) ([]parties.Controller, error) {
	r := w.controllers(subject, t)
	cs := slices.Clone(r.cs)
	for i := range cs {
		cs[i].Chain = slices.Clone(cs[i].Chain)
	}
	return cs, r.err
}

func (w *World) controllers(subject parties.ID, t parties.Threshold) *ctlResult {
	subject = w.subject(subject)
	return w.c.ctl.get(ctlKey{subject, t.String()}, func(r *ctlResult) {
		r.name = w.partyName(subject)
		if w.f.Register == nil {
			r.err = errNoRegister
		} else {
			r.cs, r.err = w.f.Register.Controllers(subject, t)
		}
	})
}

// party returns the party id of the world's register and reports whether it
// exists; a world without a register has no parties.
func (w *World) party(id parties.ID) (parties.Party, bool) {
	if w.f.Register == nil {
		return parties.Party{}, false
	}
	return w.f.Register.Party(id)
}

// partyName returns the party's name in the world's register, or its ID.
func (w *World) partyName(id parties.ID) string {
	if p, ok := w.party(id); ok {
		return p.String()
	}
	return string(id)
}
