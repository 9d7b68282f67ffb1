package regulator_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/dealscape/dealscape/regulator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValueEqual(t *testing.T) {
	tests := []struct {
		name  string
		a, b  regulator.Value
		equal bool
	}{
		{"numbers by value", regulator.Number(d("1.0")), regulator.Number(d("1.00")), true},
		{"different numbers", regulator.Number(d("1.0")), regulator.Number(d("1.01")), false},
		{"sets ignore order", regulator.Set("US", "CA", "AU"), regulator.Set("AU", "US", "CA"), true},
		{"sets ignore duplicates", regulator.Set("US", "US", "CA"), regulator.Set("CA", "US"), true},
		{"different sets", regulator.Set("US", "CA"), regulator.Set("US"), false},
		{"empty sets", regulator.Set(), regulator.Set(), true},
		{"bools", regulator.Bool(true), regulator.Bool(true), true},
		{"different bools", regulator.Bool(true), regulator.Bool(false), false},
		{"texts", regulator.Text("oracle"), regulator.Text("oracle"), true},
		{"texts are case-sensitive", regulator.Text("oracle"), regulator.Text("Oracle"), false},
		{"dates ignore the time of day", regulator.Date(date(2020, 9, 20)), regulator.Date(date(2020, 9, 20).Add(20 * time.Hour)), true},
		{"different dates", regulator.Date(date(2020, 9, 20)), regulator.Date(date(2020, 9, 21)), false},
		{"kinds differ", regulator.Text("1"), regulator.Number(d("1")), false},
		{"a set is not its text", regulator.Set("US"), regulator.Text("US"), false},
		{"zero values", regulator.Value{}, regulator.Value{}, true},
		{"zero and false", regulator.Value{}, regulator.Bool(false), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.equal, tc.a.Equal(tc.b))
			assert.Equal(t, tc.equal, tc.b.Equal(tc.a), "symmetric")
		})
	}
}

func TestValueAccessors(t *testing.T) {
	b, ok := regulator.Bool(true).AsBool()
	assert.True(t, ok)
	assert.True(t, b)
	_, ok = regulator.Text("x").AsBool()
	assert.False(t, ok)

	s, ok := regulator.Text("oracle").AsText()
	assert.True(t, ok)
	assert.Equal(t, "oracle", s)
	_, ok = regulator.Bool(true).AsText()
	assert.False(t, ok)

	n, ok := regulator.Number(d("12.50")).AsNumber()
	assert.True(t, ok)
	requireDecimal(t, d("12.5"), n)
	_, ok = regulator.Text("12.5").AsNumber()
	assert.False(t, ok)

	shanghai := time.FixedZone("CST", 8*3600)
	dt, ok := regulator.Date(time.Date(2020, 8, 28, 1, 0, 0, 0, shanghai)).AsDate()
	assert.True(t, ok)
	assert.Equal(t, date(2020, 8, 28), dt, "the date in the time's own location, at midnight UTC")
	_, ok = regulator.Number(d("1")).AsDate()
	assert.False(t, ok)

	set := regulator.Set("US", "CA", "US")
	assert.Equal(t, []string{"CA", "US"}, slices.Collect(set.Items()))
	assert.True(t, set.Contains("CA"))
	assert.False(t, set.Contains("GB"))
	assert.True(t, regulator.Text("CA").Contains("CA"))
	assert.False(t, regulator.Number(d("1")).Contains("1"))
	assert.Empty(t, slices.Collect(regulator.Text("CA").Items()))

	items := []string{"US", "CA"}
	copied := regulator.Set(items...)
	items[0] = "CN"
	assert.True(t, copied.Contains("US"), "Set copies its arguments")

	for _, tc := range []struct {
		v    regulator.Value
		kind regulator.ValueKind
		text string
	}{
		{regulator.Value{}, regulator.NoValue, "none"},
		{regulator.Bool(true), regulator.BoolValue, "yes"},
		{regulator.Bool(false), regulator.BoolValue, "no"},
		{regulator.Text("oracle"), regulator.TextValue, "oracle"},
		{regulator.Number(d("12.50")), regulator.NumberValue, "12.5"},
		{regulator.Set("US", "CA"), regulator.SetValue, "{CA, US}"},
		{regulator.Date(date(2020, 11, 12)), regulator.DateValue, "2020-11-12"},
	} {
		assert.Equal(t, tc.kind, tc.v.Kind())
		assert.Equal(t, tc.text, tc.v.String())
		assert.Equal(t, tc.kind == regulator.NoValue, tc.v.IsZero())
	}
}

func TestTerms(t *testing.T) {
	m := map[string]regulator.Value{
		"price":          regulator.Number(d("20000000000")),
		"data-custodian": regulator.Text("oracle"),
		"dropped":        {},
	}
	terms := regulator.NewTerms(m)
	m["price"] = regulator.Number(d("1"))
	m["added"] = regulator.Bool(true)

	assert.Equal(t, 2, terms.Len(), "zero values are dropped and the map is copied")
	v, ok := terms.Get("price")
	require.True(t, ok)
	n, _ := v.AsNumber()
	requireDecimal(t, d("20000000000"), n)
	_, ok = terms.Get("dropped")
	assert.False(t, ok)
	var names []string
	for name := range terms.All() {
		names = append(names, name)
	}
	assert.Equal(t, []string{"data-custodian", "price"}, names, "in name order")
	assert.Equal(t, "data-custodian=oracle, price=20000000000", terms.String())

	with := terms.With("markets", regulator.Set("US")).With("price", regulator.Value{})
	assert.Equal(t, "data-custodian=oracle, markets={US}", with.String())
	assert.Equal(t, "data-custodian=oracle, price=20000000000", terms.String(), "With leaves the receiver unchanged")

	var zero regulator.Terms
	assert.Equal(t, 0, zero.Len())
	_, ok = zero.Get("price")
	assert.False(t, ok)
	assert.Equal(t, "", zero.String())
	assert.Equal(t, "price=1", zero.With("price", regulator.Number(d("1"))).String())

	// All stops when asked to.
	for name := range terms.All() {
		assert.Equal(t, "data-custodian", name)
		break
	}
}

func TestValueKindText(t *testing.T) {
	kinds := []regulator.ValueKind{regulator.NoValue, regulator.BoolValue, regulator.TextValue, regulator.NumberValue, regulator.SetValue, regulator.DateValue}
	names := []string{"none", "bool", "text", "number", "set", "date"}
	for i, k := range kinds {
		b, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, names[i], string(b))
		assert.Equal(t, names[i], k.String())
		var back regulator.ValueKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	var k regulator.ValueKind
	for _, bad := range []string{"", "Bool", "decimal", "none "} {
		assert.Error(t, k.UnmarshalText([]byte(bad)), "%q", bad)
	}
	_, err := regulator.ValueKind(42).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "ValueKind(42)", regulator.ValueKind(42).String())
	assert.Equal(t, "ValueKind(-1)", regulator.ValueKind(-1).String())
}

func TestDecisionText(t *testing.T) {
	decisions := []regulator.Decision{regulator.Clear, regulator.ClearWithMitigations, regulator.Block}
	names := []string{"clear", "clear-with-mitigations", "block"}
	for i, dec := range decisions {
		b, err := dec.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, names[i], string(b))
		assert.Equal(t, names[i], dec.String())
		var back regulator.Decision
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, dec, back)
	}
	var dec regulator.Decision
	for _, bad := range []string{"", "Clear", "prohibit", "clear with mitigations"} {
		assert.Error(t, dec.UnmarshalText([]byte(bad)), "%q", bad)
	}
	_, err := regulator.Decision(3).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Decision(3)", regulator.Decision(3).String())

	// Decisions marshal as their names in JSON.
	out, err := json.Marshal([]regulator.Decision{regulator.ClearWithMitigations, regulator.Block})
	require.NoError(t, err)
	assert.JSONEq(t, `["clear-with-mitigations","block"]`, string(out))
	var back []regulator.Decision
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, []regulator.Decision{regulator.ClearWithMitigations, regulator.Block}, back)
	assert.Error(t, json.Unmarshal([]byte(`["approve"]`), &back))
}
