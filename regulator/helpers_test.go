package regulator_test

import (
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// d returns the decimal written as s.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// date returns the date y-m-day at midnight UTC.
func date(y int, m time.Month, day int) time.Time {
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

var (
	us = parties.MustJurisdiction("US")
	cn = parties.MustJurisdiction("CN")
	ky = parties.MustJurisdiction("KY")
)

// usParties are the parties seated in the US.
var usParties = parties.In(us, parties.Seat)

// tiktokGlobal builds the proposed TikTok Global of September 2020 with
// ByteDance's shareholders as published (see ../shared/facts/tiktok.md):
// ByteDance 80%, Oracle 12.5%, Walmart 7.5%; US investors 40%–41% of
// ByteDance, which is incorporated in the Cayman Islands and headquartered in
// China.
func tiktokGlobal(t testing.TB) *parties.Register {
	t.Helper()
	reg, err := parties.New([]parties.Party{
		{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: ky, Headquarters: cn},
		{ID: "us-investors", Name: "US institutional investors", Kind: parties.Fund, Jurisdiction: us, Headquarters: us},
		{ID: "other-investors", Name: "Other global investors", Kind: parties.Fund},
		{ID: "founders", Name: "Founders", Kind: parties.Person, Jurisdiction: cn, Headquarters: cn},
		{ID: "employees", Name: "Employees", Kind: parties.Consortium, Jurisdiction: cn, Headquarters: cn},
		{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us, Tags: []string{"cloud"}},
		{ID: "walmart", Name: "Walmart", Jurisdiction: us, Headquarters: us},
		{ID: "tiktok-global", Name: "TikTok Global", Jurisdiction: us, Headquarters: us},
	}, []parties.Stake{
		{Holder: "bytedance", Subject: "tiktok-global", Economic: parties.Exact(d("0.8"))},
		{Holder: "oracle", Subject: "tiktok-global", Economic: parties.Exact(d("0.125"))},
		{Holder: "walmart", Subject: "tiktok-global", Economic: parties.Exact(d("0.075"))},
		{Holder: "founders", Subject: "bytedance", Economic: parties.Exact(d("0.2"))},
		{Holder: "employees", Subject: "bytedance", Economic: parties.Exact(d("0.2"))},
		{Holder: "us-investors", Subject: "bytedance", Economic: parties.Between(d("0.40"), d("0.41"))},
		{Holder: "other-investors", Subject: "bytedance", Economic: parties.Between(d("0.19"), d("0.20"))},
	})
	require.NoError(t, err)
	return reg
}

// tiktokWorld returns the TikTok Global world as of 2020-09-20 with the
// given terms, Oracle and Walmart acquiring.
func tiktokWorld(t testing.TB, terms map[string]regulator.Value) *regulator.World {
	t.Helper()
	return regulator.NewWorld(regulator.Facts{
		Register:  tiktokGlobal(t),
		Target:    "tiktok-global",
		Acquirers: []parties.ID{"oracle", "walmart"},
		Terms:     regulator.NewTerms(terms),
		AsOf:      date(2020, 9, 20),
	})
}

// register builds a register or fails the test.
func register(t testing.TB, ps []parties.Party, ss ...parties.Stake) *parties.Register {
	t.Helper()
	r, err := parties.New(ps, ss)
	require.NoError(t, err)
	return r
}

// emptyWorld returns a world with no register, target or terms, as of
// 2020-09-20.
func emptyWorld() *regulator.World {
	return regulator.NewWorld(regulator.Facts{AsOf: date(2020, 9, 20)})
}

// requireDecimal fails the test unless got equals want by value (1.0 equals
// 1.00).
func requireDecimal(t testing.TB, want, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	require.Truef(t, want.Equal(got), "decimal: want %s, got %s %v", want, got, msgAndArgs)
}

// threshold returns the threshold op value.
func threshold(op parties.Comparison, value string) parties.Threshold {
	return parties.Threshold{Op: op, Value: d(value)}
}

// cfius is the Committee on Foreign Investment in the United States.
var cfius = regulator.Regulator{ID: "cfius", Name: "CFIUS", Jurisdiction: us}

// dpa721 is the legal basis of CFIUS review.
var dpa721 = regulator.LegalBasis{
	Instrument: "Defense Production Act of 1950",
	Section:    "section 721 (50 U.S.C. 4565)",
}
