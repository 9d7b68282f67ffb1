package regulator

import (
	"slices"
	"sync"
	"time"

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
// concurrent use.
type World struct {
	f Facts

	mu    sync.Mutex
	owned map[ownKey]ownResult
	ctl   map[ctlKey]ctlResult
}

type ownKey struct {
	subject parties.ID
	pred    string
	method  string
}

type ownResult struct {
	o   parties.Ownership
	err error
}

type ctlKey struct {
	subject   parties.ID
	threshold string
}

type ctlResult struct {
	cs  []parties.Controller
	err error
}

// NewWorld returns a world holding f. The acquirer list is copied.
func NewWorld(f Facts) *World {
	f.Acquirers = slices.Clone(f.Acquirers)
	f.AsOf = dateOnly(f.AsOf)
	return &World{f: f}
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
// computing it once per subject, predicate name and method. Predicates with
// the same name are taken to mean the same.
func (w *World) OwnedBy(subject parties.ID, p parties.Predicate, m parties.Method) (parties.Ownership, error) {
	subject = w.subject(subject)
	k := ownKey{subject, p.Name(), m.String()}
	w.mu.Lock()
	r, ok := w.owned[k]
	w.mu.Unlock()
	if ok {
		return r.o, r.err
	}
	if w.f.Register == nil {
		return parties.Ownership{}, errNoRegister
	}
	o, err := w.f.Register.OwnedBy(subject, p, m)
	w.mu.Lock()
	if w.owned == nil {
		w.owned = make(map[ownKey]ownResult)
	}
	w.owned[k] = ownResult{o, err}
	w.mu.Unlock()
	return o, err
}

// Controllers returns [parties.Register.Controllers] for the world's
// register, computing it once per subject and threshold.
func (w *World) Controllers(subject parties.ID, t parties.Threshold) ([]parties.Controller, error) {
	subject = w.subject(subject)
	k := ctlKey{subject, t.String()}
	w.mu.Lock()
	r, ok := w.ctl[k]
	w.mu.Unlock()
	if ok {
		return r.cs, r.err
	}
	if w.f.Register == nil {
		return nil, errNoRegister
	}
	cs, err := w.f.Register.Controllers(subject, t)
	w.mu.Lock()
	if w.ctl == nil {
		w.ctl = make(map[ctlKey]ctlResult)
	}
	w.ctl[k] = ctlResult{cs, err}
	w.mu.Unlock()
	return cs, err
}

func dateOnly(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
