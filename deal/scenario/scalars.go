package scenario

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// Patterns of the scalar types, shared by the loader and the JSON Schema.
const (
	numberPattern    = `[0-9]+(\.[0-9]+)?`
	datePattern      = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	decimalPattern   = `^-?` + numberPattern + `$`
	sharePart        = numberPattern + `%?`
	sharePattern     = `^` + sharePart + `( *(\.\.|-|–|—) *` + sharePart + `)?$`
	periodPattern    = `^[0-9]{1,6} (calendar-days?|working-days?|months?)$`
	thresholdPattern = `^(>=|<=|>|<) ?` + sharePart + `$`
	methodPattern    = `^(proportional|direct|attribution|rolling)(:(>=|>) ?` + sharePart + `)?$`
	jurisdictionPat  = `^[A-Za-z]{2}$`
)

var (
	dateRE         = regexp.MustCompile(datePattern)
	decimalRE      = regexp.MustCompile(decimalPattern)
	shareRE        = regexp.MustCompile(sharePattern)
	periodRE       = regexp.MustCompile(periodPattern)
	thresholdRE    = regexp.MustCompile(thresholdPattern)
	methodRE       = regexp.MustCompile(methodPattern)
	jurisdictionRE = regexp.MustCompile(jurisdictionPat)
)

// scalar is implemented by the string types of this package whose text has
// a syntax: the loader checks it, the schema states its pattern.
type scalar interface {
	check() error
	pattern() string
}

// Date is a calendar date written YYYY-MM-DD. The empty Date means none.
type Date string

func (Date) pattern() string { return datePattern }

func (d Date) check() error { _, err := d.Time(); return err }

// Time returns the date at midnight UTC, or the zero time for the empty
// Date.
func (d Date) Time() (time.Time, error) {
	if d == "" {
		return time.Time{}, nil
	}
	if !dateRE.MatchString(string(d)) {
		return time.Time{}, valueErrorf("%q is not a date (want YYYY-MM-DD)", string(d))
	}
	t, err := time.Parse(time.DateOnly, string(d))
	if err != nil {
		return time.Time{}, valueErrorf("%q is not a valid date", string(d))
	}
	return t, nil
}

// DateOf returns t's date as a [Date], or the empty Date for the zero time.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return ""
	}
	return Date(t.Format(time.DateOnly))
}

// Decimal is an exact decimal number written in plain notation, as in
// "0.125" or "-3" (no exponent). In YAML and JSON it may be written as a
// number or as a string; every digit is kept either way.
type Decimal string

func (Decimal) pattern() string { return decimalPattern }

func (d Decimal) check() error { _, err := d.Decimal(); return err }

// Decimal returns the number.
func (d Decimal) Decimal() (decimal.Decimal, error) {
	if !decimalRE.MatchString(string(d)) {
		return decimal.Decimal{}, valueErrorf("%q is not a decimal number (want digits with an optional sign and fraction, no exponent)", string(d))
	}
	v, err := decimal.NewFromString(string(d))
	if err != nil {
		return decimal.Decimal{}, valueErrorf("%q is not a decimal number", string(d))
	}
	return v, nil
}

// Share is a share of a party: a fraction of 1 ("0.125"), a percentage
// ("12.5%") or a range of either ("0.40..0.41", "40%-41%"), within [0, 1]
// (see [parties.ParseShare]). The empty Share means none.
type Share string

func (Share) pattern() string { return sharePattern }

func (s Share) check() error { _, err := s.Share(); return err }

// Share returns the share, or the zero [parties.Share] for the empty Share.
func (s Share) Share() (parties.Share, error) {
	if s == "" {
		return parties.Share{}, nil
	}
	if !shareRE.MatchString(string(s)) {
		return parties.Share{}, valueErrorf("%q is not a share (want a fraction such as 0.25, a percentage such as 25%%, or a range such as 0.40..0.41)", string(s))
	}
	v, err := parties.ParseShare(string(s))
	switch {
	case errors.Is(err, parties.ErrShareRange):
		return parties.Share{}, &problem{kind: ErrValue, cause: err, msg: fmt.Sprintf("%s is outside [0, 1]", s)}
	case errors.Is(err, parties.ErrInvertedRange):
		return parties.Share{}, &problem{kind: ErrValue, cause: err, msg: fmt.Sprintf("%s: the minimum is above the maximum", s)}
	case err != nil:
		return parties.Share{}, &problem{kind: ErrValue, cause: err, msg: fmt.Sprintf("%q is not a share", string(s))}
	}
	return v, nil
}

// Period is a length of time: a whole number and a unit, as in
// "45 calendar-days", "30 working-days" or "2 months" (singular units are
// accepted). The empty Period means none.
type Period string

func (Period) pattern() string { return periodPattern }

func (p Period) check() error { _, err := p.Period(); return err }

// Period returns the period: a [calendar.Days], [calendar.WorkingDays] or
// [calendar.Months] value, or nil for the empty Period.
func (p Period) Period() (calendar.Period, error) {
	if p == "" {
		return nil, nil
	}
	m := periodRE.FindStringSubmatch(string(p))
	if m == nil {
		return nil, valueErrorf("%q is not a period (want a number and calendar-days, working-days or months, as in \"45 calendar-days\")", string(p))
	}
	n, err := strconv.Atoi(strings.Fields(m[0])[0])
	var u calendar.Unit
	if err == nil {
		// The pattern takes singular units too: "1 month".
		err = u.UnmarshalText([]byte(strings.TrimSuffix(m[1], "s") + "s"))
	}
	if err != nil {
		return nil, valueErrorf("%q is not a period", string(p))
	}
	return calendar.PeriodOf(n, u)
}

// PeriodOf returns p as a [Period], as in "45 calendar-days"; a nil or zero
// period gives the empty Period.
func PeriodOf(p calendar.Period) Period {
	if calendar.IsZero(p) {
		return ""
	}
	return Period(fmt.Sprintf("%d %s", p.Len(), p.Unit()))
}

// Threshold is a comparison and a share, as in ">0.5", ">=20%" or "<0.2"
// (see [parties.ParseThreshold]). The empty Threshold means none.
type Threshold string

func (Threshold) pattern() string { return thresholdPattern }

func (t Threshold) check() error { _, err := t.Threshold(); return err }

// Threshold returns the threshold, or the zero [parties.Threshold] for the
// empty Threshold.
func (t Threshold) Threshold() (parties.Threshold, error) {
	if t == "" {
		return parties.Threshold{}, nil
	}
	if !thresholdRE.MatchString(string(t)) {
		return parties.Threshold{}, valueErrorf("%q is not a threshold (want >, >=, < or <= and a share, as in \">0.5\" or \">=20%%\")", string(t))
	}
	v, err := parties.ParseThreshold(string(t))
	if err != nil {
		return parties.Threshold{}, &problem{kind: ErrValue, cause: err, msg: fmt.Sprintf("threshold %s is outside [0, 1]", t)}
	}
	return v, nil
}

// Method is an attribution method: "proportional" (the default), "direct",
// "attribution" (full attribution through entities controlled with more
// than 50% of the votes), "attribution:>=0.25", "rolling" (links of more
// than 25%) or "rolling:>0.5" (see [parties.ParseMethod]). The empty Method
// means proportional.
type Method string

func (Method) pattern() string { return methodPattern }

func (m Method) check() error { _, err := m.Method(); return err }

// Method returns the method.
func (m Method) Method() (parties.Method, error) {
	if m == "" {
		return parties.Proportional(), nil
	}
	if !methodRE.MatchString(string(m)) {
		return parties.Method{}, valueErrorf("%q is not a method (want proportional, direct, attribution, rolling, or attribution or rolling with a threshold such as \"rolling:>0.25\")", string(m))
	}
	v, err := parties.ParseMethod(string(m))
	if err != nil {
		return parties.Method{}, &problem{kind: ErrValue, cause: err, msg: fmt.Sprintf("method %s: the threshold is outside [0, 1]", m)}
	}
	return v, nil
}

// Weekday is a day of the week by its English name in lower case:
// "sunday" to "saturday".
type Weekday string

var weekdays = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

func (Weekday) pattern() string { return "^(" + strings.Join(weekdays, "|") + ")$" }

func (w Weekday) check() error { _, err := w.Weekday(); return err }

// Weekday returns the day.
func (w Weekday) Weekday() (time.Weekday, error) {
	for i, n := range weekdays {
		if string(w) == n {
			return time.Weekday(i), nil
		}
	}
	return 0, valueErrorf("%q is not a day of the week (want sunday to saturday)", string(w))
}

// Amount is the share a move transfers or allocates: exactly one of an
// exact share, a numeric term of the proposal (which an open dimension may
// vary) or, for transfers, all of the seller's stake (see [deal.Amount]).
//
// In a document it is a share ("0.8", "80%"), the word "all", or
// {term: name}.
type Amount struct {
	// Share is an exact share, a fraction of 1 or a percentage.
	Share Share
	// Term names the numeric term that gives the amount.
	Term string
	// All means all of the seller's stake.
	All bool
}

// check reports a problem with a.
func (a Amount) check() error {
	n := 0
	if a.Share != "" {
		n++
	}
	if a.Term != "" {
		n++
	}
	if a.All {
		n++
	}
	if n != 1 {
		return valueErrorf("an amount is exactly one of a share, all, or {term: name}")
	}
	if a.Share == "" {
		return nil
	}
	s, err := a.Share.Share()
	if err != nil {
		return err
	}
	if !s.IsExact() {
		return valueErrorf("%s: an amount must be exact, not a range", a.Share)
	}
	return nil
}

// IsZero reports whether no amount is given.
func (a Amount) IsZero() bool { return a == Amount{} }
