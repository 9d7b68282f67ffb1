package parties_test

import (
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// fataler is what the comparison helpers need of a *testing.T or a
// *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// requireShare fails the test unless got equals want end for end, comparing
// decimals by value (1.0 equals 1.00).
func requireShare(t fataler, want, got parties.Share, msgAndArgs ...any) {
	t.Helper()
	if !want.Equal(got) {
		t.Fatalf("share: want %s (%s..%s), got %s (%s..%s) %v", want, want.Min(), want.Max(), got, got.Min(), got.Max(), msgAndArgs)
	}
}

// requireDecimal fails the test unless got equals want by value.
func requireDecimal(t fataler, want, got decimal.Decimal, msgAndArgs ...any) {
	t.Helper()
	if !want.Equal(got) {
		t.Fatalf("decimal: want %s, got %s %v", want, got, msgAndArgs)
	}
}

// exact returns the exact share written as a decimal fraction.
func exact(s string) parties.Share { return parties.Exact(d(s)) }

// between returns the share known to lie in [lo, hi].
func between(lo, hi string) parties.Share { return parties.Between(d(lo), d(hi)) }

// stake returns an undated stake of an exact economic share.
func stake(holder, subject parties.ID, share string) parties.Stake {
	return parties.Stake{Holder: holder, Subject: subject, Economic: exact(share)}
}

// companies returns parties of kind Company with the given IDs.
func companies(ids ...parties.ID) []parties.Party {
	ps := make([]parties.Party, len(ids))
	for i, id := range ids {
		ps[i] = parties.Party{ID: id}
	}
	return ps
}

// persons returns parties of kind Person with the given IDs.
func persons(ids ...parties.ID) []parties.Party {
	ps := companies(ids...)
	for i := range ps {
		ps[i].Kind = parties.Person
	}
	return ps
}

// mustBuild builds a register from the parties and stakes or fails the test.
func mustBuild(t testing.TB, ps []parties.Party, ss ...parties.Stake) *parties.Register {
	t.Helper()
	r, err := parties.New(ps, ss)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return r
}

// concat joins slices of parties.
func concat(pss ...[]parties.Party) []parties.Party {
	var out []parties.Party
	for _, ps := range pss {
		out = append(out, ps...)
	}
	return out
}
