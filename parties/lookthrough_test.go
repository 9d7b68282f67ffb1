package parties_test

import (
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/stretchr/testify/require"
)

// lookThrough returns the look-through interests in subject under m.
func lookThrough(t *testing.T, r *parties.Register, subject parties.ID, m parties.Method) *parties.Interests {
	t.Helper()
	in, err := r.LookThrough(subject, m)
	require.NoError(t, err)
	return in
}

// requireInterests checks every interest in `in` against want (exact
// fractions), and that no other party has one.
func requireInterests(t *testing.T, in *parties.Interests, want map[parties.ID]string) {
	t.Helper()
	for id, w := range want {
		requireShare(t, exact(w), in.Of(id), "interest of %s under %s", id, in.Method())
	}
	for id, sh := range in.All() {
		if _, ok := want[id]; !ok {
			t.Errorf("unexpected interest of %s: %s", id, sh)
		}
	}
	require.Equal(t, len(want), in.Len())
}

func TestTikTokLookThrough(t *testing.T) {
	r := tiktokGlobal(t)
	in := lookThrough(t, r, "tiktok-global", parties.Proportional())
	require.Equal(t, parties.ID("tiktok-global"), in.Subject())
	requireShare(t, exact("0.8"), in.Of("bytedance"))
	requireShare(t, between("0.32", "0.328"), in.Of("us-investors"))
	requireShare(t, between("0.152", "0.16"), in.Of("other-investors"))
	requireShare(t, exact("0.16"), in.Of("founders"))
	requireShare(t, exact("0.125"), in.Of("oracle"))
	requireShare(t, exact("0"), in.Of("tiktok-global"), "the subject holds no interest in itself")
	requireShare(t, exact("0"), in.Of("nobody"))
	require.Equal(t, "32.0%–32.8%", in.Of("us-investors").String())

	// Chinese parties: ByteDance, headquartered in Beijing, counts whole and
	// is not looked through.
	cn, err := r.OwnedBy("tiktok-global", parties.In(parties.MustJurisdiction("CN"), parties.Seat), parties.Proportional())
	require.NoError(t, err)
	requireShare(t, exact("0.8"), cn.Share)
	require.Equal(t, []parties.ID{"bytedance"}, holderIDs(cn))
	// By incorporation ByteDance is a Cayman company: it is looked through
	// to its Chinese founders and employees.
	cnInc, err := r.OwnedBy("tiktok-global", parties.In(parties.MustJurisdiction("CN"), parties.Incorporation), parties.Proportional())
	require.NoError(t, err)
	requireShare(t, exact("0.32"), cnInc.Share)
	require.Equal(t, []parties.ID{"employees", "founders"}, holderIDs(cnInc))

	us, err := r.OwnedBy("tiktok-global", parties.In(parties.MustJurisdiction("US"), parties.Seat), parties.Proportional())
	require.NoError(t, err)
	require.Equal(t, []parties.ID{"oracle", "us-investors", "walmart"}, holderIDs(us))
	require.Equal(t, "US parties (seat) hold 52.0%–52.8% of tiktok-global (proportional)", us.String())
	adversaries := parties.NewGroup("foreign adversaries", parties.MustJurisdiction("CN"), parties.MustJurisdiction("RU"))
	fa, err := r.OwnedBy("tiktok-global", parties.InGroup(adversaries, parties.Seat), parties.Proportional())
	require.NoError(t, err)
	require.Equal(t, parties.Holds, parties.Threshold{Op: parties.AtLeast, Value: d("0.2")}.Test(fa.Share))
}

func holderIDs(o parties.Ownership) []parties.ID {
	ids := make([]parties.ID, len(o.Holders))
	for i, h := range o.Holders {
		ids[i] = h.Party
	}
	return ids
}

// TestCycleExact checks a cross-holding whose figures are terminating
// decimals, derived by hand.
//
//	A holds 10% of S and 80% of B; B holds 30% of S and 75% of A;
//	P holds 25% of A; Q holds 20% of B.
//
// Every walk from A to S leaves A either straight to S (0.1) or through B
// (0.8 × 0.3 = 0.24), after going round the loop A -> B -> A (0.8 × 0.75 =
// 0.6) any number of times k:
//
//	x(A) = (0.1 + 0.24) × Σ 0.6^k = 0.34 / (1 - 0.6) = 0.85
//	x(B) = 0.3 + 0.75 × x(A) = 0.3 + 0.6375 = 0.9375
//
// P and Q are outside the loop, so their interests are every walk:
//
//	P = 0.25 × x(A) = 0.2125,  Q = 0.2 × x(B) = 0.1875,
//
// together 0.4, all that S's holders hold of it (0.1 + 0.3). A and B are on
// the loop; their own interests count the walks that do not come back to
// them: A = 0.1 + 0.8 × 0.3 = 0.34 and B = 0.3 + 0.75 × 0.1 = 0.375.
func TestCycleExact(t *testing.T) {
	r := mustBuild(t, concat(companies("s", "a", "b"), persons("p", "q")),
		stake("a", "s", "0.1"), stake("a", "b", "0.8"),
		stake("b", "s", "0.3"), stake("b", "a", "0.75"),
		stake("p", "a", "0.25"), stake("q", "b", "0.2"))
	in := lookThrough(t, r, "s", parties.Proportional())
	requireInterests(t, in, map[parties.ID]string{"a": "0.34", "b": "0.375", "p": "0.2125", "q": "0.1875"})
	for _, sh := range in.All() {
		require.True(t, sh.IsExact())
	}

	owners, err := r.UltimateOwners("s", nil)
	require.NoError(t, err)
	requireOwners(t, owners,
		parties.Owner{Party: "p", Share: exact("0.2125"), Meets: parties.Holds},
		parties.Owner{Party: "q", Share: exact("0.1875"), Meets: parties.Holds})

	// Explain: P's two simple chains give 0.25 × 0.1 + 0.25 × 0.8 × 0.3 =
	// 0.085; the walks round the loop add the rest, 0.1275.
	x, err := r.Explain("s", "p", parties.Proportional())
	require.NoError(t, err)
	requireShare(t, exact("0.2125"), x.Share)
	require.Len(t, x.Paths, 2)
	require.Equal(t, "p -(25%)-> a -(10%)-> s = 2.5%", x.Paths[0].String())
	require.Equal(t, "p -(25%)-> a -(80%)-> b -(30%)-> s = 6%", x.Paths[1].String())
	requireShare(t, exact("0.1275"), x.Remainder)
	require.False(t, x.Truncated)

	// A's own interest counts no walk back to A, so its two chains, A -> S
	// and A -> B -> S, make all of it.
	xa, err := r.Explain("s", "a", parties.Proportional())
	require.NoError(t, err)
	requireShare(t, exact("0.34"), xa.Share)
	requireShare(t, exact("0"), xa.Remainder)
	require.Len(t, xa.Paths, 2)
}

// requireOwners checks got against want, comparing shares by value.
func requireOwners(t *testing.T, got []parties.Owner, want ...parties.Owner) {
	t.Helper()
	require.Len(t, got, len(want), "owners: %v", got)
	for i, w := range want {
		require.Equal(t, w.Party, got[i].Party, "owner #%d", i)
		require.Equal(t, w.Meets, got[i].Meets, "owner %s", w.Party)
		requireShare(t, w.Share, got[i].Share, "owner %s", w.Party)
	}
}

// TestCycleRoundedOutward checks a cross-holding whose figure is not a
// terminating decimal, derived by hand.
//
//	A holds 50% of S and 50% of B; B holds 30% of A and 20% of S;
//	P holds 70% of A; Q holds 50% of B.
//
// The loop A -> B -> A weighs 0.5 × 0.3 = 0.15; leaving A for S weighs 0.5
// directly and 0.5 × 0.2 = 0.1 through B, so
//
//	x(A) = 0.6 × Σ 0.15^k = 0.6 / 0.85 = 12/17
//	x(B) = 0.2 + 0.3 × 12/17 = 7/17
//	P = 0.7 × 12/17 = 42/85 = 0.494117647058823529411764705882352941176...
//	Q = 0.5 × 7/17 = 7/34 = 0.205882352941176470588235294117647058823...
//
// (P + Q = 119/170 = 0.7, what S's holders hold.) A's own interest is 0.6
// and B's 0.2 + 0.3 × 0.5 = 0.35, both exact. P and Q must come out as
// intervals that contain the fractions, rounded outward, narrower than 1e-18.
func TestCycleRoundedOutward(t *testing.T) {
	r := mustBuild(t, concat(companies("s", "a", "b"), persons("p", "q")),
		stake("a", "s", "0.5"), stake("a", "b", "0.5"),
		stake("b", "a", "0.3"), stake("b", "s", "0.2"),
		stake("p", "a", "0.7"), stake("q", "b", "0.5"))
	in := lookThrough(t, r, "s", parties.Proportional())
	requireShare(t, exact("0.6"), in.Of("a"))
	requireShare(t, exact("0.35"), in.Of("b"))
	requireEncloses(t, big.NewRat(42, 85), in.Of("p"))
	requireEncloses(t, big.NewRat(7, 34), in.Of("q"))
	require.Equal(t, "~49.4118%", in.Of("p").String())

	o, err := r.OwnedBy("s", parties.OfKind(parties.Person), parties.Proportional())
	require.NoError(t, err)
	requireEncloses(t, big.NewRat(7, 10), o.Share)
}

// requireEncloses checks that sh contains q and is narrower than 1e-18.
func requireEncloses(t *testing.T, q *big.Rat, sh parties.Share) {
	t.Helper()
	lo, hi := sh.Min().Rat(), sh.Max().Rat()
	require.True(t, lo.Cmp(q) <= 0, "lower end %s above %s", sh.Min(), q.FloatString(45))
	require.True(t, hi.Cmp(q) >= 0, "upper end %s below %s", sh.Max(), q.FloatString(45))
	width := new(big.Rat).Sub(hi, lo)
	require.True(t, width.Cmp(big.NewRat(1, 1e18)) < 0, "width %s", width.FloatString(45))
	require.False(t, sh.IsExact(), "a rounded figure is an interval")
}

// TestSubjectHoldsItsParent checks a subject that holds part of its own
// parent, derived by hand.
//
//	A holds 50% of S; Q holds the other 50%;
//	S holds 40% of A; P holds the other 60%.
//
// Through A, S holds 0.4 × 0.5 = 20% of itself; walks from S back to S
// weigh 0.2 each time round, so the walks from S to S sum to
// x(S) = Σ 0.2^k = 1.25 and x(A) = 0.5 × 1.25 = 0.625. The outside owners
// share S between them: Q = 0.5 × 1.25 = 0.625 and P = 0.6 × 0.625 = 0.375,
// together 100%. A's own interest, not counting walks back to A, is its 50%.
func TestSubjectHoldsItsParent(t *testing.T) {
	r := mustBuild(t, concat(companies("s", "a"), persons("p", "q")),
		stake("a", "s", "0.5"), stake("q", "s", "0.5"),
		stake("s", "a", "0.4"), stake("p", "a", "0.6"))
	in := lookThrough(t, r, "s", parties.Proportional())
	requireInterests(t, in, map[parties.ID]string{"a": "0.5", "q": "0.625", "p": "0.375"})

	owners, err := r.UltimateOwners("s", nil)
	require.NoError(t, err)
	requireOwners(t, owners,
		parties.Owner{Party: "q", Share: exact("0.625"), Meets: parties.Holds},
		parties.Owner{Party: "p", Share: exact("0.375"), Meets: parties.Holds})

	x, err := r.Explain("s", "p", parties.Proportional())
	require.NoError(t, err)
	require.Len(t, x.Paths, 1)
	requireShare(t, exact("0.3"), x.Paths[0].Share)
	requireShare(t, exact("0.075"), x.Remainder, "the loop through S adds 0.375 - 0.3")

	// Looked at from A, S is a holder of 40% and the loop runs the other
	// way: x(A) = 1 / (1 - 0.2) = 1.25, so P = 0.6 × 1.25 = 0.75, and S's
	// own interest in A is 0.4 (not counting walks back to S).
	inA := lookThrough(t, r, "a", parties.Proportional())
	requireInterests(t, inA, map[parties.ID]string{"s": "0.4", "q": "0.25", "p": "0.75"})
}

// methodsRegister has one subject under every attribution method:
//
//	S: H 60%, X 30%, P4 10%
//	H: P1 55% (votes 38%), P2 22% (votes 22%), P3 23% (votes 40%)
//	X: Q1 30%, Q2 70%
func methodsRegister(t testing.TB) *parties.Register {
	vote := func(holder, subject parties.ID, econ, votes string) parties.Stake {
		return parties.Stake{Holder: holder, Subject: subject, Economic: exact(econ), Voting: exact(votes)}
	}
	return mustBuild(t, concat(companies("s", "h", "x"), persons("p1", "p2", "p3", "p4", "q1", "q2")),
		stake("h", "s", "0.6"), stake("x", "s", "0.3"), stake("p4", "s", "0.1"),
		vote("p1", "h", "0.55", "0.38"), vote("p2", "h", "0.22", "0.22"), vote("p3", "h", "0.23", "0.40"),
		stake("q1", "x", "0.3"), stake("q2", "x", "0.7"))
}

func TestMethods(t *testing.T) {
	r := methodsRegister(t)
	atLeast := func(v string) parties.Threshold { return parties.Threshold{Op: parties.AtLeast, Value: d(v)} }
	moreThan := func(v string) parties.Threshold { return parties.Threshold{Op: parties.MoreThan, Value: d(v)} }
	direct := map[parties.ID]string{"h": "0.6", "x": "0.3", "p4": "0.1"}
	with := func(m map[parties.ID]string) map[parties.ID]string {
		out := map[parties.ID]string{}
		for k, v := range direct {
			out[k] = v
		}
		for k, v := range m {
			out[k] = v
		}
		return out
	}
	tests := []struct {
		name   string
		method parties.Method
		want   map[parties.ID]string
	}{
		{"direct", parties.Direct(), direct},
		{"proportional", parties.Proportional(), with(map[parties.ID]string{
			"p1": "0.33", "p2": "0.132", "p3": "0.138", "q1": "0.09", "q2": "0.21"})},
		// Nobody holds a majority of H's votes; Q2 holds 70% of X's and
		// counts for all of X's 30%. H controls S but counts at its 60%:
		// attribution deems a parent to hold what its subsidiary holds,
		// not the subsidiary itself.
		{"attribution majority", parties.Attribution(parties.Majority), with(map[parties.ID]string{
			"p1": "0.33", "p2": "0.132", "p3": "0.138", "q1": "0.09", "q2": "0.3"})},
		// At 25% of the votes P1 (38%) and P3 (40%) control H, Q1 (30%) and
		// Q2 control X.
		{"attribution 25%", parties.Attribution(atLeast("0.25")), with(map[parties.ID]string{
			"p1": "0.6", "p2": "0.132", "p3": "0.6", "q1": "0.3", "q2": "0.3"})},
		// At 20%, P2 (22%) too.
		{"attribution 20%", parties.Attribution(atLeast("0.2")), with(map[parties.ID]string{
			"p1": "0.6", "p2": "0.6", "p3": "0.6", "q1": "0.3", "q2": "0.3"})},
		// Rolling looks at economic shares: P2's 22% and P3's 23% links do
		// not count, nor P4's 10%.
		{"rolling more than 25%", parties.Rolling(moreThan("0.25")), with(map[parties.ID]string{
			"p1": "0.33", "p2": "0", "p3": "0", "p4": "0", "q1": "0.09", "q2": "0.21"})},
		// A link of exactly 30% counts "at least 30%" but not "more than 30%".
		{"rolling at least 30%", parties.Rolling(atLeast("0.3")), with(map[parties.ID]string{
			"p1": "0.33", "p2": "0", "p3": "0", "p4": "0", "q1": "0.09", "q2": "0.21"})},
		{"rolling more than 30%", parties.Rolling(moreThan("0.3")), with(map[parties.ID]string{
			"x": "0", "p1": "0.33", "p2": "0", "p3": "0", "p4": "0", "q1": "0", "q2": "0"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := lookThrough(t, r, "s", tt.method)
			require.Equal(t, tt.method.String(), in.Method().String())
			requireInterests(t, in, tt.want)
		})
	}
}

func TestMethodExplainWeights(t *testing.T) {
	r := methodsRegister(t)
	x, err := r.Explain("s", "p3", parties.Attribution(parties.Threshold{Op: parties.AtLeast, Value: d("0.25")}))
	require.NoError(t, err)
	require.Len(t, x.Paths, 1)
	require.Equal(t, "p3 -(100%)-> h -(60%)-> s = 60%", x.Paths[0].String())
	requireShare(t, exact("0"), x.Remainder)
	l := x.Paths[0].Links[0]
	require.Equal(t, parties.ID("p3"), l.Holder)
	require.Equal(t, parties.ID("h"), l.Subject)
	require.Len(t, l.Stakes, 1)
	requireShare(t, exact("0.4"), l.Stakes[0].Votes())

	x, err = r.Explain("s", "p2", parties.Rolling(parties.Threshold{Op: parties.MoreThan, Value: d("0.25")}))
	require.NoError(t, err)
	require.Equal(t, "p2 -(0%)-> h -(60%)-> s = 0%", x.Paths[0].String())

	// A holder that holds nothing in the subject has an empty explanation.
	x, err = r.Explain("x", "p1", parties.Proportional())
	require.NoError(t, err)
	requireShare(t, exact("0"), x.Share)
	require.Empty(t, x.Paths)
}

func TestRangesPropagate(t *testing.T) {
	r := mustBuild(t, concat(companies("s", "a", "b"), persons("p", "q")),
		parties.Stake{Holder: "a", Subject: "s", Economic: between("0.4", "0.5")},
		parties.Stake{Holder: "b", Subject: "s", Economic: exact("0.3")},
		parties.Stake{Holder: "p", Subject: "a", Economic: between("0.5", "0.6")},
		parties.Stake{Holder: "p", Subject: "b", Economic: between("0.1", "0.2")},
		parties.Stake{Holder: "q", Subject: "a", Economic: exact("0.4")})
	in := lookThrough(t, r, "s", parties.Proportional())
	// P: [0.5, 0.6] × [0.4, 0.5] + [0.1, 0.2] × 0.3 = [0.2, 0.3] + [0.03, 0.06].
	requireShare(t, between("0.23", "0.36"), in.Of("p"))
	requireShare(t, between("0.16", "0.2"), in.Of("q"))
	requireShare(t, between("0.4", "0.5"), in.Of("a"))

	x, err := r.Explain("s", "p", parties.Proportional())
	require.NoError(t, err)
	require.Len(t, x.Paths, 2)
	requireShare(t, between("0.2", "0.3"), x.Paths[0].Share)
	requireShare(t, between("0.03", "0.06"), x.Paths[1].Share)
	requireShare(t, exact("0"), x.Remainder)

	owners, err := r.UltimateOwners("s", &parties.OwnerOptions{Threshold: parties.Threshold{Op: parties.AtLeast, Value: d("0.25")}})
	require.NoError(t, err)
	requireOwners(t, owners, parties.Owner{Party: "p", Share: between("0.23", "0.36"), Meets: parties.Open})
}

// TestUpperEndsThatCannotHoldTogether checks a cycle where the upper ends of
// the ranges, which cannot all hold at once (A's holders would have 200%),
// make the series diverge: the upper ends are capped at 100% rather than
// failing or giving a figure below the lower end.
func TestUpperEndsThatCannotHoldTogether(t *testing.T) {
	r := mustBuild(t, companies("s", "a", "b", "c"),
		stake("a", "s", "0.5"),
		parties.Stake{Holder: "b", Subject: "a", Economic: between("0.4", "1")},
		parties.Stake{Holder: "c", Subject: "a", Economic: between("0.4", "1")},
		parties.Stake{Holder: "a", Subject: "b", Economic: between("0.5", "1")},
		parties.Stake{Holder: "a", Subject: "c", Economic: between("0.5", "1")})
	in := lookThrough(t, r, "s", parties.Proportional())
	for id, sh := range in.All() {
		require.True(t, sh.Min().Cmp(sh.Max()) <= 0, "%s: %s", id, sh)
		require.True(t, sh.Max().LessThanOrEqual(d("1")), "%s: %s", id, sh)
	}
	// At the lower ends the loops A -> B -> A and A -> C -> A weigh
	// 0.5 × 0.4 each: x(A) = 0.5 / (1 - 0.4) = 5/6, and B's interest,
	// not coming back to B, is 0.4 × 0.5 / (1 - 0.2) = 0.25.
	requireShare(t, between("0.25", "1"), in.Of("b"))
	requireShare(t, between("0.25", "1"), in.Of("c"))
	requireShare(t, exact("0.5"), in.Of("a"))
}

func TestThresholdTest(t *testing.T) {
	atLeast20 := parties.Threshold{Op: parties.AtLeast, Value: d("0.2")}
	moreThan20 := parties.Threshold{Op: parties.MoreThan, Value: d("0.2")}
	atMost20 := parties.Threshold{Op: parties.AtMost, Value: d("0.2")}
	lessThan20 := parties.Threshold{Op: parties.LessThan, Value: d("0.2")}
	tests := []struct {
		name  string
		t     parties.Threshold
		share parties.Share
		want  parties.Truth
	}{
		{"exactly 20% is at least 20%", atLeast20, exact("0.2"), parties.Holds},
		{"exactly 20.00% is at least 20%", atLeast20, exact("0.2000"), parties.Holds},
		{"exactly 20% is not more than 20%", moreThan20, exact("0.2"), parties.Fails},
		{"exactly 20% is at most 20%", atMost20, exact("0.2"), parties.Holds},
		{"exactly 20% is not less than 20%", lessThan20, exact("0.2"), parties.Fails},
		{"just below", atLeast20, exact("0.1999999999999999999999"), parties.Fails},
		{"just above", moreThan20, exact("0.2000000000000000000001"), parties.Holds},
		{"straddling", atLeast20, between("0.19", "0.21"), parties.Open},
		{"straddling more than", moreThan20, between("0.19", "0.21"), parties.Open},
		{"interval from 20% at least", atLeast20, between("0.2", "0.3"), parties.Holds},
		{"interval from 20% more than", moreThan20, between("0.2", "0.3"), parties.Open},
		{"interval up to 20% at most", atMost20, between("0.1", "0.2"), parties.Holds},
		{"interval up to 20% less than", lessThan20, between("0.1", "0.2"), parties.Open},
		{"interval below", atLeast20, between("0.1", "0.15"), parties.Fails},
		{"zero threshold", parties.Threshold{}, exact("0"), parties.Holds},
		{"majority at 50%", parties.Majority, exact("0.5"), parties.Fails},
		{"majority at 50.01%", parties.Majority, exact("0.5001"), parties.Holds},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.t.Test(tt.share))
		})
	}
	require.Equal(t, "at least 20%", atLeast20.String())
	require.Equal(t, "more than 50%", parties.Majority.String())
}

func TestTruthLogic(t *testing.T) {
	all := []parties.Truth{parties.Holds, parties.Fails, parties.Open}
	for _, a := range all {
		require.Equal(t, a, a.Not().Not())
		for _, b := range all {
			// De Morgan and commutativity hold in Kleene's logic.
			require.Equal(t, a.And(b).Not(), a.Not().Or(b.Not()))
			require.Equal(t, a.And(b), b.And(a))
			require.Equal(t, a.Or(b), b.Or(a))
		}
		require.Equal(t, parties.Fails, a.And(parties.Fails))
		require.Equal(t, parties.Holds, a.Or(parties.Holds))
		require.Equal(t, a, a.And(parties.Holds))
		require.Equal(t, a, a.Or(parties.Fails))
	}
	require.Equal(t, parties.Open, parties.Open.Not())
	require.Equal(t, parties.Holds, parties.TruthOf(true))
	require.Equal(t, parties.Fails, parties.TruthOf(false))
	require.Equal(t, parties.Open, parties.Truth(0), "the zero Truth is Open")
}

// controlRegister:
//
//	T holds 60% of M and 25% of S; U holds 40% of M; M holds 30% of S;
//	V holds 20% of S, with 15%–45% of its votes.
func controlRegister(t testing.TB) *parties.Register {
	return mustBuild(t, concat(companies("s", "m"), persons("t", "u", "v")),
		stake("t", "m", "0.6"), stake("u", "m", "0.4"),
		stake("t", "s", "0.25"), stake("m", "s", "0.3"),
		parties.Stake{Holder: "v", Subject: "s", Economic: exact("0.2"), Voting: between("0.15", "0.45")})
}

func TestControllers(t *testing.T) {
	r := controlRegister(t)
	atLeast := func(v string) parties.Threshold { return parties.Threshold{Op: parties.AtLeast, Value: d(v)} }
	type ctl struct {
		party parties.ID
		truth parties.Truth
		chain []string // stakes as "holder>subject"
	}
	tests := []struct {
		name string
		t    parties.Threshold
		want []ctl
	}{
		// T controls M (60%) and so holds 25% + 30% = 55% of S's votes.
		{"majority", parties.Majority, []ctl{{"t", parties.Holds, []string{"t>m", "t>s", "m>s"}}}},
		{"zero threshold means majority", parties.Threshold{}, []ctl{{"t", parties.Holds, []string{"t>m", "t>s", "m>s"}}}},
		// At 25%: M with its 30%, T with its own 25%, U through M (its 40%
		// of M controls M), and V may (15%–45%).
		{"25%", atLeast("0.25"), []ctl{
			{"m", parties.Holds, []string{"m>s"}},
			{"t", parties.Holds, []string{"t>s"}},
			{"u", parties.Holds, []string{"u>m", "m>s"}},
			{"v", parties.Open, []string{"v>s"}},
		}},
		{"20%", atLeast("0.2"), []ctl{
			{"m", parties.Holds, []string{"m>s"}},
			{"t", parties.Holds, []string{"t>s"}},
			{"u", parties.Holds, []string{"u>m", "m>s"}},
			{"v", parties.Open, []string{"v>s"}},
		}},
		{"more than 30%", parties.Threshold{Op: parties.MoreThan, Value: d("0.3")}, []ctl{
			{"t", parties.Holds, []string{"t>m", "t>s", "m>s"}},
			{"v", parties.Open, []string{"v>s"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := r.Controllers("s", tt.t)
			require.NoError(t, err)
			var got []ctl
			for _, c := range cs {
				var chain []string
				for _, s := range c.Chain {
					chain = append(chain, string(s.Holder)+">"+string(s.Subject))
				}
				got = append(got, ctl{c.Party, c.Controls, chain})
			}
			require.Equal(t, tt.want, got)
		})
	}
}

func TestAsOf(t *testing.T) {
	r := mustBuild(t, concat(companies("s", "x", "y", "z"), persons("p")),
		parties.Stake{Holder: "x", Subject: "s", Economic: exact("0.6"), Until: date("2021-06-01")},
		parties.Stake{Holder: "y", Subject: "s", Economic: exact("0.6"), From: date("2021-06-01")},
		stake("z", "s", "0.4"),
		// P raised its stake in Z: two stakes, one after the other.
		parties.Stake{Holder: "p", Subject: "z", Economic: exact("0.4"), From: date("2019-01-01"), Until: date("2021-01-01")},
		parties.Stake{Holder: "p", Subject: "z", Economic: exact("0.6"), From: date("2021-01-01")},
	)
	// The register itself answers for the latest state: Y has replaced X,
	// and P holds 60% of Z (not 40% + 60%).
	requireInterests(t, lookThrough(t, r, "s", parties.Proportional()),
		map[parties.ID]string{"y": "0.6", "z": "0.4", "p": "0.24"})
	requireInterests(t, lookThrough(t, r.AsOf(date("2020-03-01")), "s", parties.Proportional()),
		map[parties.ID]string{"x": "0.6", "z": "0.4", "p": "0.16"})
	// Until is exclusive, From inclusive.
	requireInterests(t, lookThrough(t, r.AsOf(date("2021-06-01")), "s", parties.Proportional()),
		map[parties.ID]string{"y": "0.6", "z": "0.4", "p": "0.24"})
	requireInterests(t, lookThrough(t, r.AsOf(date("2021-05-31")), "s", parties.Proportional()),
		map[parties.ID]string{"x": "0.6", "z": "0.4", "p": "0.24"})
	requireInterests(t, lookThrough(t, r.AsOf(date("2018-01-01")), "s", parties.Proportional()),
		map[parties.ID]string{"x": "0.6", "z": "0.4"})

	holders := func(r *parties.Register, id parties.ID) []parties.ID {
		var ids []parties.ID
		for s := range r.Holders(id) {
			ids = append(ids, s.Holder)
		}
		return ids
	}
	require.Equal(t, []parties.ID{"y", "z"}, holders(r, "s"))
	require.Equal(t, []parties.ID{"x", "z"}, holders(r.AsOf(date("2020-03-01")), "s"))
	var holdings []parties.ID
	for s := range r.AsOf(date("2020-03-01")).Holdings("x") {
		holdings = append(holdings, s.Subject)
	}
	require.Equal(t, []parties.ID{"s"}, holdings)
	n := 0
	for range r.Stakes() {
		n++
	}
	require.Equal(t, 5, n, "Stakes yields every stake, whatever its dates")

	// A group held entirely by each other on one date only is reported.
	_, err := parties.New(companies("a", "b", "c"), []parties.Stake{
		stake("a", "b", "1"),
		{Holder: "b", Subject: "a", Economic: exact("1"), Until: date("2020-01-01")},
		{Holder: "c", Subject: "a", Economic: exact("1"), From: date("2020-01-01")},
	})
	require.ErrorIs(t, err, parties.ErrClosedCycle)
	require.ErrorContains(t, err, `party "a": closed ownership cycle: a, b are held entirely by each other`)
}

func TestHoldersAndHoldings(t *testing.T) {
	r := tiktokGlobal(t)
	var got []string
	for s := range r.Holders("bytedance") {
		got = append(got, s.String())
	}
	require.Equal(t, []string{
		"employees holds 20% of bytedance",
		"founders holds 20% of bytedance",
		"other-investors holds 19%–20% of bytedance",
		"us-investors holds 40%–41% of bytedance",
	}, got)
	got = nil
	for s := range r.Holdings("bytedance") {
		got = append(got, string(s.Subject))
	}
	require.Equal(t, []string{"tiktok-global"}, got)
	for range r.Holders("nobody") {
		t.Fatal("an unknown party has no holders")
	}
	// Stopping early works.
	for range r.Holders("bytedance") {
		break
	}
	var ids []parties.ID
	for p := range r.Parties() {
		ids = append(ids, p.ID)
	}
	require.True(t, slices.IsSorted(ids))
	require.Len(t, ids, r.Len())

	// Edit gives a builder for a changed register; r is unchanged.
	b := r.Edit()
	b.RemoveStakes(func(s parties.Stake) bool { return s.Holder == "oracle" })
	b.AddStake(stake("walmart", "tiktok-global", "0.125"))
	r2, err := b.Build()
	require.NoError(t, err)
	in := lookThrough(t, r2, "tiktok-global", parties.Direct())
	requireShare(t, exact("0.2"), in.Of("walmart"))
	requireShare(t, exact("0"), in.Of("oracle"))
	in = lookThrough(t, r, "tiktok-global", parties.Direct())
	requireShare(t, exact("0.075"), in.Of("walmart"))
}

func TestPredicates(t *testing.T) {
	r := mustBuild(t, []parties.Party{
		{ID: "s"},
		{ID: "de-co", Jurisdiction: parties.MustJurisdiction("DE"), Headquarters: parties.MustJurisdiction("DE")},
		{ID: "us-state", Kind: parties.State, Jurisdiction: parties.MustJurisdiction("US"), Tags: []string{"state-owned"}},
		{ID: "fr-person", Kind: parties.Person, Jurisdiction: parties.MustJurisdiction("FR"), Headquarters: parties.MustJurisdiction("GB")},
	}, stake("de-co", "s", "0.5"), stake("us-state", "s", "0.2"), stake("fr-person", "s", "0.3"))
	eu := parties.MustJurisdiction("EU")
	tests := []struct {
		p    parties.Predicate
		want string
	}{
		{parties.In(eu, parties.Seat), "0.5"},
		{parties.In(eu, parties.Incorporation), "0.8"},
		{parties.In(eu, parties.Headquarters), "0.5"},
		{parties.In(eu, parties.Either), "0.8"},
		{parties.In(parties.MustJurisdiction("US"), parties.Seat), "0.2"}, // no headquarters: falls back to jurisdiction
		{parties.In(parties.MustJurisdiction("US"), parties.Headquarters), "0"},
		{parties.OfKind(parties.State, parties.Person), "0.5"},
		{parties.Tagged("state-owned"), "0.2"},
		{parties.IDs("de-co", "fr-person"), "0.8"},
		{parties.AnyOf(parties.Tagged("state-owned"), parties.IDs("de-co")), "0.7"},
		{parties.AllOf(parties.In(eu, parties.Incorporation), parties.OfKind(parties.Person)), "0.3"},
		{parties.Not(parties.OfKind(parties.Company)), "0.5"},
		{parties.Match("big", func(p parties.Party) bool { return p.ID == "de-co" }), "0.5"},
		{parties.Predicate{}, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.p.Name(), func(t *testing.T) {
			o, err := r.OwnedBy("s", tt.p, parties.Proportional())
			require.NoError(t, err)
			requireShare(t, exact(tt.want), o.Share)
			require.Equal(t, tt.p.Name(), o.Predicate)
			xs, err := r.ExplainOwnedBy("s", tt.p, parties.Proportional())
			require.NoError(t, err)
			require.Len(t, xs, len(o.Holders))
			for i, x := range xs {
				require.Equal(t, o.Holders[i].Party, x.Holder)
				requireShare(t, o.Holders[i].Share, x.Share)
			}
		})
	}
	require.Equal(t, "(tagged a or tagged b)", parties.AnyOf(parties.Tagged("a"), parties.Tagged("b")).String())
	require.Equal(t, "renamed", parties.Tagged("a").WithName("renamed").Name())
	require.True(t, parties.Tagged("x").Matches(parties.Party{Tags: []string{"x"}}))
}

func TestParseMethod(t *testing.T) {
	tests := []struct {
		in   string
		want string // the method's String, or "" for an error
	}{
		{"proportional", "proportional"},
		{" direct ", "direct"},
		{"attribution", "attribution(more than 50%)"},
		{"attribution:>=0.25", "attribution(at least 25%)"},
		{"attribution:>=20%", "attribution(at least 20%)"},
		{"rolling", "rolling(more than 25%)"},
		{"rolling:>0.1", "rolling(more than 10%)"},
		{"rolling:<0.1", ""},
		{"attribution:>1.5", ""},
		{"attribution:0.5", ""},
		{"direct:>0.5", ""},
		{"proportional:", ""},
		{"magic", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, err := parties.ParseMethod(tt.in)
			if tt.want == "" {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, m.String())
		})
	}
	require.Equal(t, "proportional", parties.Method{}.String(), "the zero Method is Proportional")
}

func TestAsOfZeroDate(t *testing.T) {
	r := mustBuild(t, companies("s", "a", "b"),
		parties.Stake{Holder: "a", Subject: "s", Economic: exact("0.5"), From: date("2020-01-01")},
		stake("b", "s", "0.5"))
	requireInterests(t, lookThrough(t, r.AsOf(time.Time{}), "s", parties.Proportional()),
		map[parties.ID]string{"b": "0.5"})
}

func TestUltimateOwnersThreshold(t *testing.T) {
	r := methodsRegister(t)
	at25 := &parties.OwnerOptions{Threshold: parties.Threshold{Op: parties.AtLeast, Value: d("0.25")}}
	owners, err := r.UltimateOwners("s", at25)
	require.NoError(t, err)
	requireOwners(t, owners, parties.Owner{Party: "p1", Share: exact("0.33"), Meets: parties.Holds})

	// Every owner, largest first: H and X are looked through to the persons.
	owners, err = r.UltimateOwners("s", nil)
	require.NoError(t, err)
	requireOwners(t, owners,
		parties.Owner{Party: "p1", Share: exact("0.33"), Meets: parties.Holds},
		parties.Owner{Party: "q2", Share: exact("0.21"), Meets: parties.Holds},
		parties.Owner{Party: "p3", Share: exact("0.138"), Meets: parties.Holds},
		parties.Owner{Party: "p2", Share: exact("0.132"), Meets: parties.Holds},
		parties.Owner{Party: "p4", Share: exact("0.1"), Meets: parties.Holds},
		parties.Owner{Party: "q1", Share: exact("0.09"), Meets: parties.Holds})

	// Under attribution at 25% of the votes, P1 and P3 each count for all
	// of H's 60%, Q1 and Q2 for all of X's 30%.
	at25.Method = parties.Attribution(parties.Threshold{Op: parties.AtLeast, Value: d("0.25")})
	owners, err = r.UltimateOwners("s", at25)
	require.NoError(t, err)
	requireOwners(t, owners,
		parties.Owner{Party: "p1", Share: exact("0.6"), Meets: parties.Holds},
		parties.Owner{Party: "p3", Share: exact("0.6"), Meets: parties.Holds},
		parties.Owner{Party: "q1", Share: exact("0.3"), Meets: parties.Holds},
		parties.Owner{Party: "q2", Share: exact("0.3"), Meets: parties.Holds})

	// Direct: only direct holders that are themselves ultimate owners.
	owners, err = r.UltimateOwners("s", &parties.OwnerOptions{Method: parties.Direct()})
	require.NoError(t, err)
	requireOwners(t, owners, parties.Owner{Party: "p4", Share: exact("0.1"), Meets: parties.Holds})
}
