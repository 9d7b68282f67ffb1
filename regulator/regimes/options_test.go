package regimes_test

import (
	"errors"
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/dealscape/dealscape/regulator/regimes"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func gateErr(_ regulator.Gate, err error) error { return err }

func TestOptionErrors(t *testing.T) {
	over := parties.Threshold{Op: parties.AtLeast, Value: decimal.RequireFromString("1.5")}
	under := parties.Threshold{Op: parties.MoreThan, Value: decimal.RequireFromString("-0.1")}
	cases := []struct {
		name   string
		err    error
		preset string
		option string
		is     error
	}{
		{"CFIUS control above 100%", gateErr(regimes.CFIUSNotice(&regimes.CFIUSOptions{Control: over})),
			"CFIUSNotice", "Control", regimes.ErrThreshold},
		{"CFIUS control as an upper bound", gateErr(regimes.CFIUSNotice(&regimes.CFIUSOptions{Control: parties.Threshold{Op: parties.AtMost, Value: decimal.RequireFromString("0.5")}})),
			"CFIUSNotice", "Control", regimes.ErrInvalidOption},
		{"CFIUS notice before FIRRMA's rules", gateErr(regimes.CFIUSNotice(&regimes.CFIUSOptions{Filed: day("2020-02-12")})),
			"CFIUSNotice", "Filed", regimes.ErrBeforeInForce},
		{"CFIUS declaration in a sector CFIUS does not name", gateErr(regimes.CFIUSDeclaration(&regimes.CFIUSDeclarationOptions{Sector: regimes.Quantum})),
			"CFIUSDeclaration", "Sector", regimes.ErrUnknownSector},
		{"CFIUS declaration threshold below 0", gateErr(regimes.CFIUSDeclaration(&regimes.CFIUSDeclarationOptions{Threshold: under})),
			"CFIUSDeclaration", "Threshold", regimes.ErrThreshold},
		{"HSR filing before the first known thresholds", gateErr(regimes.HSR(&regimes.HSROptions{Filed: day("2025-02-20")})),
			"HSR", "Filed", regimes.ErrBeforeInForce},
		{"HSR unknown transaction", gateErr(regimes.HSR(&regimes.HSROptions{Transaction: regimes.HSRTransaction(7)})),
			"HSR", "Transaction", regimes.ErrInvalidOption},
		{"HSR thresholds out of order", gateErr(regimes.HSR(&regimes.HSROptions{Thresholds: reversed(regimes.HSRIndexedThresholds())})),
			"HSR", "Thresholds[1].From", regimes.ErrInvalidOption},
		{"HSR no thresholds", gateErr(regimes.HSR(&regimes.HSROptions{Thresholds: []regimes.HSRThresholds{}})),
			"HSR", "Thresholds", regimes.ErrNoFigures},
		{"HSR negative compliance period", gateErr(regimes.HSR(&regimes.HSROptions{Compliance: calendar.Days(-1)})),
			"HSR", "Compliance", regimes.ErrInvalidOption},
		{"PAFACA covered before enactment", pafacaErr(&regimes.PAFACAOptions{Covered: day("2024-04-23")}),
			"PAFACA", "Covered", regimes.ErrBeforeInForce},
		{"PAFACA wording neither at-least nor more-than", pafacaErr(&regimes.PAFACAOptions{Wording: parties.LessThan}),
			"PAFACA", "Wording", regimes.ErrInvalidOption},
		{"PAFACA share above 100%", pafacaErr(&regimes.PAFACAOptions{Share: decimal.RequireFromString("2")}),
			"PAFACA", "Share", regimes.ErrThreshold},
		{"IEEPA effective before signature", ieepaErr(&regimes.IEEPAOptions{Effective: day("2020-08-01")}),
			"IEEPAProhibition", "Effective", regimes.ErrBeforeInForce},
		{"IEEPA order without a date", ieepaErr(&regimes.IEEPAOptions{Order: "Executive Order 13943"}),
			"IEEPAProhibition", "Effective", regimes.ErrInvalidOption},
		{"tech export before the 2020 catalogue", gateErr(regimes.TechExportLicence(&regimes.TechExportOptions{Filed: day("2020-08-27")})),
			"TechExportLicence", "Filed", regimes.ErrBeforeInForce},
		{"tech export after the China calendar's data", gateErr(regimes.TechExportLicence(&regimes.TechExportOptions{Filed: day("2026-12-15")})),
			"TechExportLicence", "Filed", calendar.ErrNotCovered},
		{"SAMR stop-the-clock before the 2022 amendment", gateErr(regimes.SAMRMerger(&regimes.SAMROptions{Filed: day("2022-07-29"), StopTheClock: calendar.Days(10), Thresholds: regimes.SAMRThresholds2024()})),
			"SAMRMerger", "StopTheClock", regimes.ErrBeforeInForce},
		{"SAMR filing before the known thresholds", gateErr(regimes.SAMRMerger(&regimes.SAMROptions{Filed: day("2023-06-01")})),
			"SAMRMerger", "Thresholds", regimes.ErrNoFigures},
		{"SAMR filing before the Anti-Monopoly Law", gateErr(regimes.SAMRMerger(&regimes.SAMROptions{Filed: day("2008-07-31"), Thresholds: regimes.SAMRThresholds2024()})),
			"SAMRMerger", "Filed", regimes.ErrBeforeInForce},
		{"China security review in a sector it does not name", gateErr(regimes.ChinaSecurityReview(&regimes.ChinaSecurityReviewOptions{Sector: regimes.SyntheticBiology})),
			"ChinaSecurityReview", "Sector", regimes.ErrUnknownSector},
		{"China security review before the Measures", gateErr(regimes.ChinaSecurityReview(&regimes.ChinaSecurityReviewOptions{Filed: day("2021-01-17")})),
			"ChinaSecurityReview", "Filed", regimes.ErrBeforeInForce},
		{"EUMR after the Commission calendar's data", gateErr(regimes.EUMR(&regimes.EUMROptions{Filed: day("2030-03-01")})),
			"EUMR", "Filed", calendar.ErrNotCovered},
		{"EUMR negative threshold", gateErr(regimes.EUMR(&regimes.EUMROptions{Thresholds: regimes.EUMRThresholds{EachInEU: decimal.NewFromInt(-1)}})),
			"EUMR", "Thresholds.EachInEU", regimes.ErrInvalidOption},
		{"EU FDI before the Regulation applied", gateErr(regimes.EUFDIScreening(&regimes.EUFDIOptions{Filed: day("2020-10-10")})),
			"EUFDIScreening", "Filed", regimes.ErrBeforeInForce},
		{"EU FDI threshold above 100%", gateErr(regimes.EUFDIScreening(&regimes.EUFDIOptions{Threshold: over})),
			"EUFDIScreening", "Threshold", regimes.ErrThreshold},
		{"UK NSIA before commencement", gateErr(regimes.UKNSIA(&regimes.UKNSIAOptions{Filed: day("2021-12-31")})),
			"UKNSIA", "Filed", regimes.ErrBeforeInForce},
		{"UK NSIA in a sector not among the seventeen", gateErr(regimes.UKNSIA(&regimes.UKNSIAOptions{Sector: regimes.Semiconductors})),
			"UKNSIA", "Sector", regimes.ErrUnknownSector},
		{"UK NSIA sector out of range", gateErr(regimes.UKNSIA(&regimes.UKNSIAOptions{Sector: regimes.Sector(99)})),
			"UKNSIA", "Sector", regimes.ErrUnknownSector},
		{"UK NSIA negative voluntary period", gateErr(regimes.UKNSIA(&regimes.UKNSIAOptions{Voluntary: []calendar.Period{calendar.WorkingDays(-5)}})),
			"UKNSIA", "Voluntary[0]", regimes.ErrInvalidOption},
		{"Canada before Bill C-34", gateErr(regimes.CanadaICANationalSecurity(&regimes.CanadaOptions{Filed: day("2024-09-02")})),
			"CanadaICANationalSecurity", "Filed", regimes.ErrBeforeInForce},
		{"Australia before the 2021 reforms", gateErr(regimes.AustraliaFIRB(&regimes.AustraliaOptions{Filed: day("2020-12-31")})),
			"AustraliaFIRB", "Filed", regimes.ErrBeforeInForce},
		{"Australia direct interest above 100%", gateErr(regimes.AustraliaFIRB(&regimes.AustraliaOptions{DirectInterest: over})),
			"AustraliaFIRB", "DirectInterest", regimes.ErrThreshold},
		{"Australia invalid truth value", gateErr(regimes.AustraliaFIRB(&regimes.AustraliaOptions{NationalSecurityBusiness: parties.Truth(9)})),
			"AustraliaFIRB", "NationalSecurityBusiness", regimes.ErrInvalidOption},
		{"New Zealand NSPO before call-in", gateErr(regimes.NewZealandOIA(&regimes.NewZealandOptions{Route: regimes.NZNationalSecurity, Filed: day("2021-06-06")})),
			"NewZealandOIA", "Filed", regimes.ErrBeforeInForce},
		{"New Zealand consent has no sectors", gateErr(regimes.NewZealandOIA(&regimes.NewZealandOptions{Sector: regimes.Defence})),
			"NewZealandOIA", "Sector", regimes.ErrUnknownSector},
		{"New Zealand unknown route", gateErr(regimes.NewZealandOIA(&regimes.NewZealandOptions{Route: regimes.NZRoute(4)})),
			"NewZealandOIA", "Route", regimes.ErrInvalidOption},
		{"New Zealand after the calendar's data", gateErr(regimes.NewZealandOIA(&regimes.NewZealandOptions{Filed: day("2060-01-05")})),
			"NewZealandOIA", "Filed", calendar.ErrNotCovered},
		{"Germany in a sector the AWV preset does not name", gateErr(regimes.GermanyAWV(&regimes.GermanyOptions{Sector: regimes.Quantum})),
			"GermanyAWV", "Sector", regimes.ErrUnknownSector},
		{"Germany threshold above 100%", gateErr(regimes.GermanyAWV(&regimes.GermanyOptions{Threshold: over})),
			"GermanyAWV", "Threshold", regimes.ErrThreshold},
		{"Germany before the 17th amendment", gateErr(regimes.GermanyAWV(&regimes.GermanyOptions{Filed: day("2021-04-30")})),
			"GermanyAWV", "Filed", regimes.ErrBeforeInForce},
		{"Japan before the 2020 amendment", gateErr(regimes.JapanFEFTA(&regimes.JapanOptions{Filed: day("2020-06-06")})),
			"JapanFEFTA", "Filed", regimes.ErrBeforeInForce},
		{"Japan threshold below 0", gateErr(regimes.JapanFEFTA(&regimes.JapanOptions{Threshold: under})),
			"JapanFEFTA", "Threshold", regimes.ErrThreshold},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, tc.err)
			require.ErrorIs(t, tc.err, tc.is)
			oe, ok := errors.AsType[*regimes.OptionError](tc.err)
			require.True(t, ok, "not an *OptionError: %v", tc.err)
			require.Equal(t, tc.preset, oe.Preset)
			require.Equal(t, tc.option, oe.Option)
			require.Contains(t, tc.err.Error(), "regimes: "+tc.preset+": option "+tc.option+": ")
		})
	}
}

func pafacaErr(o *regimes.PAFACAOptions) error {
	_, err := regimes.PAFACA(o)
	return err
}

func ieepaErr(o *regimes.IEEPAOptions) error {
	_, err := regimes.IEEPAProhibition(o)
	return err
}

func reversed(ts []regimes.HSRThresholds) []regimes.HSRThresholds {
	return []regimes.HSRThresholds{ts[1], ts[0]}
}

func TestOptionErrorsReportedTogether(t *testing.T) {
	_, err := regimes.UKNSIA(&regimes.UKNSIAOptions{Filed: day("2021-06-01"), Sector: regimes.CriticalTechnology})
	require.ErrorIs(t, err, regimes.ErrBeforeInForce)
	require.ErrorIs(t, err, regimes.ErrUnknownSector)
	require.Equal(t, "regimes: UKNSIA: option Filed: date before the regime was in force: 2021-06-01 is before 2022-01-04\n"+
		"regimes: UKNSIA: option Sector: sector not known to the regime: \"critical-technology\"", err.Error())
}

func TestNilOptionsAreDefaults(t *testing.T) {
	gates := map[string]func() (regulator.Gate, error){
		"us-cfius-notice":          func() (regulator.Gate, error) { return regimes.CFIUSNotice(nil) },
		"us-cfius-declaration":     func() (regulator.Gate, error) { return regimes.CFIUSDeclaration(nil) },
		"us-hsr":                   func() (regulator.Gate, error) { return regimes.HSR(nil) },
		"cn-tech-export":           func() (regulator.Gate, error) { return regimes.TechExportLicence(nil) },
		"cn-samr-merger":           func() (regulator.Gate, error) { return regimes.SAMRMerger(nil) },
		"cn-security-review":       func() (regulator.Gate, error) { return regimes.ChinaSecurityReview(nil) },
		"eu-merger":                func() (regulator.Gate, error) { return regimes.EUMR(nil) },
		"eu-fdi-cooperation":       func() (regulator.Gate, error) { return regimes.EUFDIScreening(nil) },
		"uk-nsia":                  func() (regulator.Gate, error) { return regimes.UKNSIA(nil) },
		"ca-ica-national-security": func() (regulator.Gate, error) { return regimes.CanadaICANationalSecurity(nil) },
		"au-firb":                  func() (regulator.Gate, error) { return regimes.AustraliaFIRB(nil) },
		"nz-oia-consent":           func() (regulator.Gate, error) { return regimes.NewZealandOIA(nil) },
		"de-awv":                   func() (regulator.Gate, error) { return regimes.GermanyAWV(nil) },
		"jp-fefta":                 func() (regulator.Gate, error) { return regimes.JapanFEFTA(nil) },
	}
	for id, f := range gates {
		t.Run(id, func(t *testing.T) {
			g, err := f()
			require.NoError(t, err)
			require.Equal(t, id, g.ID())
			require.NotEmpty(t, g.Basis().Instrument)
			require.NotEmpty(t, g.Basis().URL)
			require.NotEmpty(t, g.Spec().Source)
			require.NotEmpty(t, g.Timeline().Phases)
			g2, err := f()
			require.NoError(t, err)
			require.Equal(t, g.String(), g2.String())
			// A gate rebuilt from its spec is valid: presets can be adjusted.
			_, err = regulator.NewGate(g.Spec())
			require.NoError(t, err)
		})
	}
}

func TestEnumsRoundTrip(t *testing.T) {
	t.Run("Sector", func(t *testing.T) {
		seen := map[string]bool{}
		for s := regimes.NoSector; s <= regimes.KeyTechnology; s++ {
			b, err := s.MarshalText()
			require.NoError(t, err)
			require.Equal(t, s.String(), string(b))
			require.False(t, seen[string(b)], "duplicate name %q", b)
			seen[string(b)] = true
			var back regimes.Sector
			require.NoError(t, back.UnmarshalText(b))
			require.Equal(t, s, back)
		}
		require.Len(t, seen, 30)
		var s regimes.Sector
		require.ErrorIs(t, s.UnmarshalText([]byte("fishing")), regimes.ErrUnknownSector)
		_, err := regimes.Sector(30).MarshalText()
		require.Error(t, err)
		require.Equal(t, "Sector(30)", regimes.Sector(30).String())
	})
	t.Run("HSRTransaction", func(t *testing.T) {
		for _, k := range []regimes.HSRTransaction{regimes.HSRAcquisition, regimes.HSRCashTender, regimes.HSRBankruptcy} {
			b, err := k.MarshalText()
			require.NoError(t, err)
			var back regimes.HSRTransaction
			require.NoError(t, back.UnmarshalText(b))
			require.Equal(t, k, back)
		}
		var k regimes.HSRTransaction
		require.ErrorIs(t, k.UnmarshalText([]byte("merger")), regimes.ErrInvalidOption)
		_, err := regimes.HSRTransaction(3).MarshalText()
		require.Error(t, err)
		require.Equal(t, "HSRTransaction(3)", regimes.HSRTransaction(3).String())
	})
	t.Run("NZRoute", func(t *testing.T) {
		for _, r := range []regimes.NZRoute{regimes.NZConsent, regimes.NZNationalSecurity} {
			b, err := r.MarshalText()
			require.NoError(t, err)
			var back regimes.NZRoute
			require.NoError(t, back.UnmarshalText(b))
			require.Equal(t, r, back)
		}
		var r regimes.NZRoute
		require.ErrorIs(t, r.UnmarshalText([]byte("call-in")), regimes.ErrInvalidOption)
		_, err := regimes.NZRoute(2).MarshalText()
		require.Error(t, err)
		require.Equal(t, "NZRoute(2)", regimes.NZRoute(2).String())
	})
}

func TestForeignAdversaries(t *testing.T) {
	g := regimes.ForeignAdversaries()
	var codes []string
	for j := range g.Members() {
		codes = append(codes, j.Code())
	}
	require.Equal(t, []string{"CN", "IR", "KP", "RU"}, codes)
	require.Contains(t, g.Name(), "10 U.S.C. 4872")
	require.False(t, g.Contains(parties.MustJurisdiction("CU")))
}
