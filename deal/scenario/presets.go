package scenario

import (
	"errors"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dealscape/dealscape/internal/errs"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/dealscape/dealscape/regulator/regimes"
)

// PresetOptions are the options of a preset of package regimes. Each preset
// takes some of them: those of its options struct in package regimes, under
// the same names in snake_case (regimes.CFIUSOptions.FromAcceptance is
// from_acceptance); giving an option the preset does not take is an error.
// An option left out takes the preset's default.
type PresetOptions struct {
	// Filed is the filing date (every gate preset).
	Filed Date `json:"filed,omitempty" yaml:"filed,omitempty"`
	// FromAcceptance starts the CFIUS timeline on acceptance.
	FromAcceptance bool `json:"from_acceptance,omitempty" yaml:"from_acceptance,omitempty"`
	// Business is the ID of the US business (CFIUS presets).
	Business string `json:"business,omitempty" yaml:"business,omitempty"`
	// Entity is the ID of the entity invested in.
	Entity string `json:"entity,omitempty" yaml:"entity,omitempty"`
	// Application is the ID of the application (PAFACA).
	Application string `json:"application,omitempty" yaml:"application,omitempty"`
	// ForeignPersons selects the foreign persons counted.
	ForeignPersons *Predicate `json:"foreign_persons,omitempty" yaml:"foreign_persons,omitempty"`
	// ForeignInvestors selects the foreign investors counted.
	ForeignInvestors *Predicate `json:"foreign_investors,omitempty" yaml:"foreign_investors,omitempty"`
	// Investors selects the investors counted (Canada).
	Investors *Predicate `json:"investors,omitempty" yaml:"investors,omitempty"`
	// Holders selects the holders counted (UK).
	Holders *Predicate `json:"holders,omitempty" yaml:"holders,omitempty"`
	// Acquirers selects the acquirers counted (Germany).
	Acquirers *Predicate `json:"acquirers,omitempty" yaml:"acquirers,omitempty"`
	// OverseasPersons selects the overseas persons counted (New Zealand).
	OverseasPersons *Predicate `json:"overseas_persons,omitempty" yaml:"overseas_persons,omitempty"`
	// Control is the voting threshold taken as control.
	Control Threshold `json:"control,omitempty" yaml:"control,omitempty"`
	// Threshold is the preset's share threshold.
	Threshold Threshold `json:"threshold,omitempty" yaml:"threshold,omitempty"`
	// DirectInterest is Australia's direct-interest threshold.
	DirectInterest Threshold `json:"direct_interest,omitempty" yaml:"direct_interest,omitempty"`
	// SubstantialInterest is Australia's substantial-interest threshold.
	SubstantialInterest Threshold `json:"substantial_interest,omitempty" yaml:"substantial_interest,omitempty"`
	// Sector is the target's sector, as package regimes names it
	// ("artificial-intelligence", "critical-technology", …).
	Sector regimes.Sector `json:"sector,omitempty" yaml:"sector,omitempty"`
	// Route is New Zealand's route: "consent" or "national-security".
	Route regimes.NZRoute `json:"route,omitempty" yaml:"route,omitempty"`
	// Transaction is the kind of HSR transaction.
	Transaction regimes.HSRTransaction `json:"transaction,omitempty" yaml:"transaction,omitempty"`
	// Thresholds are turnover thresholds (SAMR, EUMR).
	Thresholds *PresetThresholds `json:"thresholds,omitempty" yaml:"thresholds,omitempty"`
	// Restricted lists restricted technology items (China).
	Restricted []string `json:"restricted,omitempty" yaml:"restricted,omitempty"`
	// Prohibited lists prohibited technology items (China).
	Prohibited []string `json:"prohibited,omitempty" yaml:"prohibited,omitempty"`
	// Licence is how long the technology export licence takes.
	Licence Period `json:"licence,omitempty" yaml:"licence,omitempty"`
	// WorkingDays counts SAMR's periods in working days.
	WorkingDays bool `json:"working_days,omitempty" yaml:"working_days,omitempty"`
	// CalendarDays counts China's security review periods in calendar days.
	CalendarDays bool `json:"calendar_days,omitempty" yaml:"calendar_days,omitempty"`
	// PreAcceptance is the time from submission to acceptance (SAMR).
	PreAcceptance Period `json:"pre_acceptance,omitempty" yaml:"pre_acceptance,omitempty"`
	// StopTheClock is how long the clock is stopped (SAMR, EUMR).
	StopTheClock Period `json:"stop_the_clock,omitempty" yaml:"stop_the_clock,omitempty"`
	// ClockStop is how long the clock is stopped (Germany).
	ClockStop Period `json:"clock_stop,omitempty" yaml:"clock_stop,omitempty"`
	// SpecialExtension extends China's special security review.
	SpecialExtension Period `json:"special_extension,omitempty" yaml:"special_extension,omitempty"`
	// ReviewExtension extends Canada's review.
	ReviewExtension Period `json:"review_extension,omitempty" yaml:"review_extension,omitempty"`
	// AgreedExtension is an extension agreed with the Australian Treasurer.
	AgreedExtension Period `json:"agreed_extension,omitempty" yaml:"agreed_extension,omitempty"`
	// Extension extends Japan's waiting period.
	Extension Period `json:"extension,omitempty" yaml:"extension,omitempty"`
	// Timeframe is New Zealand's decision timeframe.
	Timeframe Period `json:"timeframe,omitempty" yaml:"timeframe,omitempty"`
	// Compliance is how long an HSR second request takes to comply with.
	Compliance Period `json:"compliance,omitempty" yaml:"compliance,omitempty"`
	// Voluntary are the UK's voluntary-notification periods.
	Voluntary []Period `json:"voluntary,omitempty" yaml:"voluntary,omitempty"`
	// NoHolidayRoll keeps an end on a holiday where it falls.
	NoHolidayRoll bool `json:"no_holiday_roll,omitempty" yaml:"no_holiday_roll,omitempty"`
	// CountFromEventDay counts the UK periods from the day of the event.
	CountFromEventDay bool `json:"count_from_event_day,omitempty" yaml:"count_from_event_day,omitempty"`
	// Listed reports whether the Japanese target is listed.
	Listed bool `json:"listed,omitempty" yaml:"listed,omitempty"`
	// Designated is whether the Japanese business is designated: "holds",
	// "fails" or "open".
	Designated parties.Truth `json:"designated,omitempty" yaml:"designated,omitempty"`
	// NationalSecurityBusiness is whether the Australian target is a
	// national security business: "holds", "fails" or "open".
	NationalSecurityBusiness parties.Truth `json:"national_security_business,omitempty" yaml:"national_security_business,omitempty"`
	// MonetaryThreshold is Australia's monetary threshold.
	MonetaryThreshold Decimal `json:"monetary_threshold,omitempty" yaml:"monetary_threshold,omitempty"`
	// AssetThreshold is New Zealand's asset threshold.
	AssetThreshold Decimal `json:"asset_threshold,omitempty" yaml:"asset_threshold,omitempty"`
	// Method is the attribution method (UK, PAFACA).
	Method Method `json:"method,omitempty" yaml:"method,omitempty"`
	// Covered is the date the application became covered (PAFACA).
	Covered Date `json:"covered,omitempty" yaml:"covered,omitempty"`
	// Wording is PAFACA's comparison: "at-least" or "more-than".
	Wording *parties.Comparison `json:"wording,omitempty" yaml:"wording,omitempty"`
	// Share is PAFACA's share.
	Share Decimal `json:"share,omitempty" yaml:"share,omitempty"`
	// Adversaries names a group of the document (PAFACA).
	Adversaries string `json:"adversaries,omitempty" yaml:"adversaries,omitempty"`
	// Order names the executive order (IEEPA).
	Order string `json:"order,omitempty" yaml:"order,omitempty"`
	// Signed is the date of the order (IEEPA).
	Signed Date `json:"signed,omitempty" yaml:"signed,omitempty"`
	// Effective is the date the prohibition takes effect (IEEPA).
	Effective Date `json:"effective,omitempty" yaml:"effective,omitempty"`
}

// PresetThresholds are turnover thresholds in the currency of the regime.
type PresetThresholds struct {
	// CombinedWorldwide is the parties' combined worldwide turnover.
	CombinedWorldwide Decimal `json:"combined_worldwide,omitempty" yaml:"combined_worldwide,omitempty"`
	// CombinedChina is the parties' combined turnover in China (SAMR).
	CombinedChina Decimal `json:"combined_china,omitempty" yaml:"combined_china,omitempty"`
	// EachInChina is each of two parties' turnover in China (SAMR).
	EachInChina Decimal `json:"each_in_china,omitempty" yaml:"each_in_china,omitempty"`
	// EachInEU is each of two parties' turnover in the EU (EUMR).
	EachInEU Decimal `json:"each_in_eu,omitempty" yaml:"each_in_eu,omitempty"`
}

// preset builds a gate or a deadline from its options, a pointer to an
// options struct of package regimes.
type preset struct {
	options  reflect.Type
	gate     func(opts reflect.Value) (regulator.Gate, error)
	deadline func(opts reflect.Value) (regulator.Deadline, error)
}

func gatePreset[O any](f func(*O) (regulator.Gate, error)) preset {
	return preset{options: reflect.TypeFor[O](), gate: func(v reflect.Value) (regulator.Gate, error) { return f(v.Interface().(*O)) }}
}

func deadlinePreset[O any](f func(*O) (regulator.Deadline, error)) preset {
	return preset{options: reflect.TypeFor[O](), deadline: func(v reflect.Value) (regulator.Deadline, error) { return f(v.Interface().(*O)) }}
}

var gatePresets = map[string]preset{
	"cfius-notice":      gatePreset(regimes.CFIUSNotice),
	"cfius-declaration": gatePreset(regimes.CFIUSDeclaration),
	"hsr":               gatePreset(regimes.HSR),
	"pafaca": gatePreset(func(o *regimes.PAFACAOptions) (regulator.Gate, error) {
		r, err := regimes.PAFACA(o)
		return r.Divestiture, err
	}),
	"tech-export-licence":          gatePreset(regimes.TechExportLicence),
	"samr-merger":                  gatePreset(regimes.SAMRMerger),
	"china-security-review":        gatePreset(regimes.ChinaSecurityReview),
	"eumr":                         gatePreset(regimes.EUMR),
	"eu-fdi-screening":             gatePreset(regimes.EUFDIScreening),
	"uk-nsia":                      gatePreset(regimes.UKNSIA),
	"canada-ica-national-security": gatePreset(regimes.CanadaICANationalSecurity),
	"australia-firb":               gatePreset(regimes.AustraliaFIRB),
	"new-zealand-oia":              gatePreset(regimes.NewZealandOIA),
	"germany-awv":                  gatePreset(regimes.GermanyAWV),
	"japan-fefta":                  gatePreset(regimes.JapanFEFTA),
}

var deadlinePresets = map[string]preset{
	"ieepa-prohibition": deadlinePreset(regimes.IEEPAProhibition),
	"pafaca": deadlinePreset(func(o *regimes.PAFACAOptions) (regulator.Deadline, error) {
		r, err := regimes.PAFACA(o)
		return r.Prohibition, err
	}),
}

// GatePresets returns the names of the gate presets a document may use, in
// sorted order: "australia-firb", "canada-ica-national-security",
// "cfius-declaration", "cfius-notice", "china-security-review",
// "eu-fdi-screening", "eumr", "germany-awv", "hsr", "japan-fefta",
// "new-zealand-oia", "pafaca" (the qualified-divestiture gate),
// "samr-merger", "tech-export-licence" and "uk-nsia", after the
// constructors of package regimes.
func GatePresets() []string { return slices.Sorted(maps.Keys(gatePresets)) }

// DeadlinePresets returns the names of the deadline presets a document may
// use: "ieepa-prohibition" and "pafaca" (the prohibition date).
func DeadlinePresets() []string { return slices.Sorted(maps.Keys(deadlinePresets)) }

var optionsInfo = func() map[string]string {
	// Go field name -> document name.
	m := map[string]string{}
	t := reflect.TypeFor[PresetOptions]()
	for _, f := range infoOf(t).fields {
		m[t.Field(f.index).Name] = f.name
	}
	return m
}()

// takes lists the document names of the options a preset takes.
func (p preset) takes() []string {
	var names []string
	for i := range p.options.NumField() {
		if n, ok := optionsInfo[p.options.Field(i).Name]; ok {
			names = append(names, n)
		}
	}
	return names
}

// presetOptions converts a preset's options into its options struct of
// package regimes; it returns a pointer to the struct.
func (c *converter) presetOptions(name string, p preset, o *PresetOptions, path string) (reflect.Value, bool) {
	dst := reflect.New(p.options)
	if o == nil {
		return dst, true
	}
	ok := true
	src := reflect.ValueOf(o).Elem()
	for _, f := range infoOf(src.Type()).fields {
		sv := src.Field(f.index)
		if isEmpty(sv) {
			continue
		}
		fp := join(path, f.name)
		dv := dst.Elem().FieldByName(src.Type().Field(f.index).Name)
		if !dv.IsValid() {
			c.fail(fp, problemf(ErrUnknownField, "preset %q takes no option %q (it takes %s)", name, f.name, strings.Join(p.takes(), ", ")))
			ok = false
			continue
		}
		ok = c.option(sv, dv, fp) && ok
	}
	return dst, ok
}

var (
	groupType = reflect.TypeFor[parties.Group]()
)

// option sets the option dv of a regimes options struct from sv.
func (c *converter) option(sv, dv reflect.Value, path string) bool {
	if sv.Kind() == reflect.Pointer && sv.Type() != reflect.TypeFor[*Predicate]() && sv.Type() != reflect.TypeFor[*PresetThresholds]() {
		sv = sv.Elem()
	}
	set := func(v any) bool {
		rv := reflect.ValueOf(v)
		if !rv.Type().AssignableTo(dv.Type()) {
			if rv.Type().ConvertibleTo(dv.Type()) && rv.Kind() == dv.Kind() {
				dv.Set(rv.Convert(dv.Type()))
				return true
			}
			c.fail(path, problemf(ErrType, "the preset's option is a %s, which a document cannot give", dv.Type()))
			return false
		}
		dv.Set(rv)
		return true
	}
	before := len(c.errs)
	switch x := sv.Interface().(type) {
	case Date:
		t := c.date(x, path)
		return len(c.errs) == before && set(t)
	case Threshold:
		t, err := x.Threshold()
		if err != nil {
			c.fail(path, err)
			return false
		}
		return set(t)
	case Period:
		p, err := x.Period()
		if err != nil {
			c.fail(path, err)
			return false
		}
		return set(p)
	case []Period:
		ps := make([]calendar.Period, 0, len(x))
		for i, p := range x {
			cp, err := p.Period()
			if err != nil {
				c.fail(index(path, i), err)
				return false
			}
			ps = append(ps, cp)
		}
		return set(ps)
	case Decimal:
		d, ok := c.decimal(x, path)
		return ok && set(d)
	case Method:
		m, err := x.Method()
		if err != nil {
			c.fail(path, err)
			return false
		}
		return set(m)
	case *Predicate:
		p, ok := c.predicate(x, path)
		return ok && set(p)
	case *PresetThresholds:
		if dv.Kind() != reflect.Struct {
			c.fail(path, problemf(ErrType, "this preset's thresholds are a %s, which a document cannot give", dv.Type()))
			return false
		}
		ok := true
		src := reflect.ValueOf(x).Elem()
		for _, f := range infoOf(src.Type()).fields {
			fv := src.Field(f.index)
			if isEmpty(fv) {
				continue
			}
			dst := dv.FieldByName(src.Type().Field(f.index).Name)
			if !dst.IsValid() {
				c.fail(join(path, f.name), problemf(ErrUnknownField, "this preset has no threshold %q", f.name))
				ok = false
				continue
			}
			ok = c.option(fv, dst, join(path, f.name)) && ok
		}
		return ok
	case string:
		if dv.Type() == groupType {
			g, ok := c.group(x, path)
			return ok && set(g)
		}
	}
	return set(sv.Interface())
}

var optionFieldRE = regexp.MustCompile(`^([A-Za-z]+)(?:\[(\d+)\])?`)

// presetErrorPath locates a problem a preset reports about one of its
// options.
func presetErrorPath(path string, err error) string {
	var oe *regimes.OptionError
	if !errors.As(err, &oe) {
		return path
	}
	m := optionFieldRE.FindStringSubmatch(oe.Option)
	if m == nil {
		return join(path, "options")
	}
	name, ok := optionsInfo[m[1]]
	if !ok {
		return join(path, "options")
	}
	p := join(join(path, "options"), name)
	if m[2] != "" {
		i, _ := strconv.Atoi(m[2])
		p = index(p, i)
	}
	return p
}

// gatePresetSpec builds the preset a gate names and returns its spec.
func (c *converter) gatePresetSpec(g *Gate, path string) (regulator.GateSpec, bool) {
	p, ok := gatePresets[g.Preset]
	if !ok {
		c.fail(join(path, "preset"), problemf(ErrReference, "no gate preset is named %q (presets: %s)", g.Preset, strings.Join(GatePresets(), ", ")))
		return regulator.GateSpec{}, false
	}
	opts, ok := c.presetOptions(g.Preset, p, g.Options, join(path, "options"))
	if !ok {
		return regulator.GateSpec{}, false
	}
	gate, err := p.gate(opts)
	if err != nil {
		for _, e := range errs.Flatten(err) {
			c.fail(presetErrorPath(path, e), e)
		}
		return regulator.GateSpec{}, false
	}
	return gate.Spec(), true
}

// deadlinePresetSpec builds the preset a deadline names and returns its
// spec.
func (c *converter) deadlinePresetSpec(d *Deadline, path string) (regulator.DeadlineSpec, bool) {
	p, ok := deadlinePresets[d.Preset]
	if !ok {
		c.fail(join(path, "preset"), problemf(ErrReference, "no deadline preset is named %q (presets: %s)", d.Preset, strings.Join(DeadlinePresets(), ", ")))
		return regulator.DeadlineSpec{}, false
	}
	opts, ok := c.presetOptions(d.Preset, p, d.Options, join(path, "options"))
	if !ok {
		return regulator.DeadlineSpec{}, false
	}
	dl, err := p.deadline(opts)
	if err != nil {
		for _, e := range errs.Flatten(err) {
			c.fail(presetErrorPath(path, e), e)
		}
		return regulator.DeadlineSpec{}, false
	}
	return dl.Spec(), true
}
