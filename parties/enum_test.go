package parties_test

import (
	"encoding"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/stretchr/testify/require"
)

// enum is one constant of an enumerated type, with a fresh zero value of
// its type to unmarshal into.
type enum struct {
	value interface {
		encoding.TextMarshaler
		fmt.Stringer
	}
	text  string
	fresh func() encoding.TextUnmarshaler
	// get returns what the fresh value holds after unmarshalling.
	get func(encoding.TextUnmarshaler) any
}

func enumOf[T interface {
	comparable
	encoding.TextMarshaler
	fmt.Stringer
}, PT interface {
	*T
	encoding.TextUnmarshaler
}](v T, text string) enum {
	return enum{
		value: v,
		text:  text,
		fresh: func() encoding.TextUnmarshaler { return PT(new(T)) },
		get:   func(u encoding.TextUnmarshaler) any { return *u.(PT) },
	}
}

func TestEnumsRoundTrip(t *testing.T) {
	enums := []enum{
		enumOf(parties.Holds, "holds"), enumOf(parties.Fails, "fails"), enumOf(parties.Open, "open"),
		enumOf(parties.Company, "company"), enumOf(parties.Fund, "fund"), enumOf(parties.State, "state"),
		enumOf(parties.Person, "person"), enumOf(parties.Consortium, "consortium"), enumOf(parties.Unknown, "unknown"),
		enumOf(parties.Unstated, "unstated"), enumOf(parties.Confirmed, "confirmed"),
		enumOf(parties.Reported, "reported"), enumOf(parties.Unconfirmed, "unconfirmed"),
		enumOf(parties.AtLeast, "at-least"), enumOf(parties.MoreThan, "more-than"),
		enumOf(parties.AtMost, "at-most"), enumOf(parties.LessThan, "less-than"),
		enumOf(parties.Seat, "seat"), enumOf(parties.Incorporation, "incorporation"),
		enumOf(parties.Headquarters, "headquarters"), enumOf(parties.Either, "either"),
	}
	for _, e := range enums {
		t.Run(fmt.Sprintf("%T/%s", e.value, e.text), func(t *testing.T) {
			b, err := e.value.MarshalText()
			require.NoError(t, err)
			require.Equal(t, e.text, string(b))
			require.Equal(t, e.text, e.value.String())
			u := e.fresh()
			require.NoError(t, u.UnmarshalText(b))
			require.Equal(t, e.value, e.get(u))
			for _, bad := range []string{"", "bogus", " " + e.text, e.text + "x", fmt.Sprintf("%q", e.text)} {
				require.Error(t, e.fresh().UnmarshalText([]byte(bad)), "%q", bad)
			}
		})
	}

	// Every constant is listed: the value after the last is invalid.
	for _, v := range []interface {
		encoding.TextMarshaler
		fmt.Stringer
	}{parties.Truth(3), parties.Kind(6), parties.Confidence(4), parties.Comparison(4), parties.Basis(4), parties.Truth(-1)} {
		_, err := v.MarshalText()
		require.Error(t, err, "%T %s", v, v)
		require.Contains(t, v.String(), "(")
	}

	// The symbols are accepted for comparisons.
	for sym, want := range map[string]parties.Comparison{">=": parties.AtLeast, ">": parties.MoreThan, "<=": parties.AtMost, "<": parties.LessThan} {
		var c parties.Comparison
		require.NoError(t, c.UnmarshalText([]byte(sym)))
		require.Equal(t, want, c)
	}
}

func TestEnumsInJSON(t *testing.T) {
	type doc struct {
		Kind       parties.Kind
		Truth      parties.Truth
		Basis      parties.Basis
		Confidence parties.Confidence
		Method     parties.Method
		Share      parties.Share
		Where      parties.Jurisdiction
	}
	in := doc{parties.Consortium, parties.Open, parties.Either, parties.Reported,
		parties.Rolling(parties.Threshold{Op: parties.AtLeast, Value: d("0.25")}), between("0.4", "0.41"), parties.MustJurisdiction("DE")}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	require.JSONEq(t, `{"Kind":"consortium","Truth":"open","Basis":"either","Confidence":"reported","Method":"rolling:>=0.25","Share":"0.4..0.41","Where":"DE"}`, string(b))
	var out doc
	require.NoError(t, json.Unmarshal(b, &out))
	require.Equal(t, in.Kind, out.Kind)
	require.Equal(t, in.Truth, out.Truth)
	require.Equal(t, in.Basis, out.Basis)
	require.Equal(t, in.Confidence, out.Confidence)
	require.Equal(t, in.Where, out.Where)
	require.Equal(t, in.Method.String(), out.Method.String())
	requireShare(t, in.Share, out.Share)
	require.Error(t, json.Unmarshal([]byte(`{"Kind":"corporation"}`), &out))
}
