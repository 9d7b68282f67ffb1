package parties_test

import (
	"errors"
	"testing"

	"github.com/dealscape/dealscape/parties"
)

// The part above a subject answers as the register does, on a register with
// a cycle of cross-holdings (which it leaves to the register) and without.
func TestAboveAnswersAsRegister(t *testing.T) {
	us := parties.MustJurisdiction("US")
	ps := []parties.Party{{ID: "s"}, {ID: "a", Jurisdiction: us}, {ID: "b"}, {ID: "c", Jurisdiction: us}}
	for _, cyclic := range []bool{false, true} {
		ss := []parties.Stake{
			{Holder: "a", Subject: "s", Economic: parties.MustParseShare("40%")},
			{Holder: "b", Subject: "s", Economic: parties.MustParseShare("30%-35%")},
			{Holder: "c", Subject: "b", Economic: parties.MustParseShare("50%")},
		}
		if cyclic {
			ss = append(ss, parties.Stake{Holder: "b", Subject: "c", Economic: parties.MustParseShare("10%")})
		}
		r, err := parties.New(ps, ss)
		if err != nil {
			t.Fatal(err)
		}
		a, err := r.Above("s")
		if err != nil {
			t.Fatal(err)
		}
		if a.Subject() != "s" {
			t.Errorf("Subject() = %q", a.Subject())
		}
		for _, m := range []parties.Method{parties.Proportional(), parties.Direct()} {
			want, wantErr := r.OwnedShare("s", parties.In(us, parties.Seat), m)
			got, err := a.OwnedShare(parties.In(us, parties.Seat), m)
			if err != wantErr || !got.Equal(want) || got.String() != want.String() {
				t.Errorf("cyclic %v, %s: got %s (%v), want %s (%v)", cyclic, m, got, err, want, wantErr)
			}
		}
	}
	r, err := parties.New(ps, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Above("x"); !errors.Is(err, parties.ErrUnknownParty) {
		t.Errorf("Above of an unknown party: %v, want ErrUnknownParty", err)
	}
}
