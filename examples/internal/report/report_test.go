package report

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// analysed returns a one-proposal scenario, its result and an extra with
// one figure.
func analysed(t *testing.T) (*deal.Result, Extra) {
	t.Helper()
	us := parties.MustJurisdiction("US")
	reg, err := parties.New([]parties.Party{
		{ID: "seller", Jurisdiction: us}, {ID: "buyer", Jurisdiction: us}, {ID: "target", Jurisdiction: us},
	}, []parties.Stake{{Holder: "seller", Subject: "target", Economic: parties.Percent(100)}})
	require.NoError(t, err)
	ban := regulator.MustDeadline(regulator.DeadlineSpec{ID: "ban", Date: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC), Enjoinable: true})
	sc, err := deal.New(deal.Spec{
		Name: "test", Register: reg, AsOf: time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC),
		Threats: []deal.Threat{{Deadline: ban, Outcome: "ban"}},
		Proposals: []deal.Proposal{{ID: "sale", Target: "target", Acquirers: []parties.ID{"buyer"},
			Moves: []deal.Move{deal.Transfer{Seller: "seller", Buyer: "buyer", Subject: "target", Amount: deal.Fixed(decimal.RequireFromString("0.6"))}}}},
		Positions: []deal.Position{{Party: "seller", Accepts: regulator.Const(parties.Fails, "the seller will not sell")}},
	})
	require.NoError(t, err)
	r, err := sc.Analyze(context.Background(), nil)
	require.NoError(t, err)
	post, _, err := sc.PostDeal("sale", nil)
	require.NoError(t, err)
	own, err := post.OwnedBy("target", parties.IDs("buyer"), parties.Direct())
	require.NoError(t, err)
	return r, Extra{
		Title:       "A test",
		Params:      []Param{{Name: "asof", Value: "2020-09-14"}},
		Outcomes:    map[string]string{"sale": "The buyer takes 60%."},
		Facts:       []string{"2020-09-13: the seller says it will not sell"},
		Figures:     []Figure{{Label: "buyer's share", Proposal: "sale", Ownership: own}},
		Assumptions: []string{strings.Repeat("word ", 60)},
	}
}

func TestJSONExtendsTheResult(t *testing.T) {
	r, x := analysed(t)
	var buf bytes.Buffer
	require.NoError(t, JSON(&buf, r, x))
	dec := json.NewDecoder(&buf)
	var got map[string]json.RawMessage
	require.NoError(t, dec.Decode(&got))
	var rest json.RawMessage
	require.ErrorIs(t, dec.Decode(&rest), io.EOF, "one JSON object")

	base, err := json.Marshal(r)
	require.NoError(t, err)
	var want map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(base, &want))
	for k, v := range want {
		assert.JSONEq(t, string(v), string(got[k]), "field %q of the result is kept", k)
	}
	assert.JSONEq(t, `{"asof":"2020-09-14"}`, string(got["parameters"]))
	assert.JSONEq(t, `[{"label":"buyer's share","proposal":"sale","subject":"target","holders":"buyer","method":"direct",
		"share":"60%","min":"0.6","max":"0.6","breakdown":[{"party":"buyer","share":"60%","min":"0.6","max":"0.6"}]}]`, string(got["ownership"]))
	assert.Contains(t, string(got["assumptions"]), "word")
	assert.JSONEq(t, `["2020-09-13: the seller says it will not sell"]`, string(got["facts"]))

	// The result's fields come first, in its own order.
	var ordered bytes.Buffer
	require.NoError(t, JSON(&ordered, r, Extra{}))
	s := ordered.String()
	assert.Less(t, strings.Index(s, `"scenario"`), strings.Index(s, `"parameters"`))
	assert.Contains(t, s, `"assumptions": []`)
	assert.Contains(t, s, `"facts": []`)
}

func TestText(t *testing.T) {
	r, x := analysed(t)
	var buf bytes.Buffer
	require.NoError(t, Text(&buf, r, x))
	s := buf.String()
	for _, want := range []string{
		"A test\n======\n",
		"\nFacts\n  - 2020-09-13: the seller says it will not sell\n\nOwnership\n",
		"buyer's share: 60% (buyer 60%)",
		"sale: IMPOSSIBLE",
		"position seller:",
		"it would become possible if these gave way together:",
		"ban: POSSIBLE, on 2020-09-20; probability not known",
		"status-quo: POSSIBLE",
		"one way it comes about (the choice made at each step, marked [open] where it could have gone",
	} {
		assert.Contains(t, s, want)
	}
	for line := range strings.SplitSeq(s, "\n") {
		assert.LessOrEqual(t, len([]rune(line)), width, "line too long: %q", line)
	}
}

func TestNilResult(t *testing.T) {
	assert.Error(t, Text(io.Discard, nil, Extra{}))
	assert.Error(t, JSON(io.Discard, nil, Extra{}))
}
