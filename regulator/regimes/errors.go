package regimes

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dealscape/dealscape/internal/civil"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// Sentinel errors to branch on with [errors.Is]. Every error a preset
// returns for bad options is an [*OptionError] wrapping one of them (or,
// for a filing date outside a calendar's holiday data,
// [calendar.ErrNotCovered]).
var (
	// ErrThreshold reports a share threshold outside [0, 1].
	ErrThreshold = errors.New("regimes: threshold outside [0, 1]")
	// ErrBeforeInForce reports a date before the regime (or the version of
	// it the preset models) was in force.
	ErrBeforeInForce = errors.New("regimes: date before the regime was in force")
	// ErrUnknownSector reports a sector the regime does not know.
	ErrUnknownSector = errors.New("regimes: sector not known to the regime")
	// ErrNoFigures reports a date for which the preset knows no figures
	// (such as indexed thresholds) and the options give none.
	ErrNoFigures = errors.New("regimes: no figures known for the date")
	// ErrInvalidOption reports any other option out of range: a negative
	// period, an unknown enum value, a comparison a rule cannot use.
	ErrInvalidOption = errors.New("regimes: invalid option")
)

// OptionError reports one bad option given to a preset. Presets join
// several with [errors.Join].
type OptionError struct {
	// Preset is the name of the constructor, such as "UKNSIA".
	Preset string
	// Option is the name of the options field at fault, such as "Filed".
	Option string
	// Err is the problem; it wraps one of the package's sentinel errors.
	Err error
}

// Error returns "regimes: Preset: option Option: detail".
func (e *OptionError) Error() string {
	msg := e.Err.Error()
	for _, p := range []string{"regimes: ", "calendar: ", "parties: ", "regulator: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return fmt.Sprintf("regimes: %s: option %s: %s", e.Preset, e.Option, msg)
}

// Unwrap returns the underlying error.
func (e *OptionError) Unwrap() error { return e.Err }

// checker collects the option errors of one preset.
type checker struct {
	preset string
	errs   []error
}

func (c *checker) add(option string, err error) {
	c.errs = append(c.errs, &OptionError{Preset: c.preset, Option: option, Err: err})
}

func (c *checker) addf(option string, sentinel error, format string, args ...any) {
	c.add(option, fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...))
}

func (c *checker) err() error { return errors.Join(c.errs...) }

// notBefore checks that a date given in the options (zero: not given) is
// not before from, the date the regime was in force.
func (c *checker) notBefore(option string, d, from time.Time) {
	if d.IsZero() || from.IsZero() || !civil.Date(d).Before(from) {
		return
	}
	c.addf(option, ErrBeforeInForce, "%s is before %s", civil.Date(d).Format(time.DateOnly), from.Format(time.DateOnly))
}

// threshold checks a share threshold: its value must lie in [0, 1] and it
// must be a lower bound ("at least" or "more than").
func (c *checker) threshold(option string, t parties.Threshold) {
	if t.Value.Sign() < 0 || t.Value.GreaterThan(one) {
		c.addf(option, ErrThreshold, "%s", t.Value)
		return
	}
	if _, err := t.Op.MarshalText(); err != nil {
		c.addf(option, ErrInvalidOption, "unknown comparison %d", int8(t.Op))
		return
	}
	if t.Op != parties.AtLeast && t.Op != parties.MoreThan {
		c.addf(option, ErrInvalidOption, "the threshold must be \"at least\" or \"more than\", not %q", t.Op)
	}
}

// truth checks a Truth option.
func (c *checker) truth(option string, t parties.Truth) {
	if _, err := t.MarshalText(); err != nil {
		c.addf(option, ErrInvalidOption, "%v", err)
	}
}

// amount checks that an amount option is not negative.
func (c *checker) amount(option string, d decimal.Decimal) {
	if d.Sign() < 0 {
		c.addf(option, ErrInvalidOption, "negative amount %s", d)
	}
}

// period checks a period given in the options; nil means the default.
func (c *checker) period(option string, p calendar.Period) {
	if p != nil && p.Len() < 0 {
		c.addf(option, ErrInvalidOption, "negative period of %s", p)
	}
}

// sector checks that s is one of known.
func (c *checker) sector(option string, s Sector, known []Sector) {
	if !slices.Contains(known, s) {
		c.addf(option, ErrUnknownSector, "%q", s)
	}
}

// schedule checks that the timeline can be computed for a filing on filed,
// which fails where the filing date lies outside the holiday data of a
// phase's calendar.
func (c *checker) schedule(option string, filed time.Time, t regulator.Timeline) {
	if filed.IsZero() {
		return
	}
	if _, err := t.Schedule(filed); err != nil {
		c.add(option, err)
	}
}

// finish ends the checks of a preset whose timeline t runs from its Filed
// option: where no other option is at fault, it checks that t can be
// computed for a filing on filed. It returns the errors found, joined.
func (c *checker) finish(filed time.Time, t regulator.Timeline) error {
	if len(c.errs) == 0 {
		c.schedule("Filed", filed, t)
	}
	return c.err()
}

// build validates spec and wraps a failure with the preset's name.
func build(preset string, spec regulator.GateSpec) (regulator.Gate, error) {
	g, err := regulator.NewGate(spec)
	if err != nil {
		return regulator.Gate{}, fmt.Errorf("regimes: %s: %w", preset, err)
	}
	return g, nil
}
