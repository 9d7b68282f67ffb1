/*
Package dealscape models contested cross-border deals: who really owns what,
which authority must approve what by when, and which outcomes of a deal can
still happen, which cannot, and why.

The module root holds no code; it is this guided tour. The work is done by
three packages, each feeding the next:

  - [github.com/dealscape/dealscape/parties] holds the facts: jurisdictions,
    parties and the stakes between them, in an immutable [parties.Register]
    that answers look-through ownership, control and ownership by
    nationality.
  - [github.com/dealscape/dealscape/regulator] states the rules: approval
    gates ([regulator.Gate]) with their legal basis, in-force dates,
    three-valued conditions and review clocks, and deadlines
    ([regulator.Deadline]).
  - [github.com/dealscape/dealscape/deal] asks the questions: proposals,
    positions and the engine, [deal.Scenario.Analyze], that computes which
    outcomes are possible, why, by when and how likely.

The tour follows the case the library was built for: TikTok in September
2020, when ByteDance had to sell or spin off TikTok's US business, Microsoft
had just been turned away and Oracle proposed a TikTok Global instead.

# Parties and ownership

A [parties.Party] has an ID, a kind and two jurisdictions: where it is
incorporated and where it is headquartered. ByteDance Ltd. is a Cayman
Islands company headquartered in Beijing. A [parties.Stake] gives a
holder's share of a subject as a [parties.Share]: an exact fraction, or a
range where the sources disagree, as they do on whether US investors hold
40% or 41% of ByteDance. [parties.New] validates everything at once and
returns the register:

	us, cn, ky := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN"), parties.MustJurisdiction("KY")
	reg, err := parties.New([]parties.Party{
		{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: ky, Headquarters: cn},
		{ID: "us-investors", Kind: parties.Fund, Jurisdiction: us},
		{ID: "oracle", Name: "Oracle", Jurisdiction: us},
		{ID: "walmart", Name: "Walmart", Jurisdiction: us},
	}, []parties.Stake{
		{Holder: "us-investors", Subject: "bytedance", Economic: parties.MustParseShare("40%–41%")},
	})

[parties.Register.OwnedBy] answers "how much of X do parties matching a
[parties.Predicate] hold?" under an attribution [parties.Method]: counting
direct stakes only ([parties.Direct]) or multiplying along every chain
([parties.Proportional]). A party that matches counts whole; one that does
not is looked through to its own holders. Ranges stay ranges: looking
through ByteDance, US parties hold 52.0%–52.8% of the proposed TikTok
Global, and every test on such a figure is three-valued
([parties.Holds], [parties.Fails] or [parties.Open]).

# Gates and deadlines

A [regulator.Gate] is one approval requirement of one authority, built with
[regulator.NewGate] from a [regulator.GateSpec]. Its clearance test is a
[regulator.Condition]: an ownership test ([regulator.Owned]), a test of the
deal's terms ([regulator.TermIs], [regulator.TermParty],
[regulator.TermContains]), a point left to the authority
([regulator.Discretion]), a fact settled outside the model
([regulator.Const]), a mitigation the authority may demand
([regulator.Requires]), all combined with Kleene logic ([regulator.And],
[regulator.Or], [regulator.Not]). In 2020 the President wanted majority US
ownership, and whether it is counted directly or looking through was his
call:

	usParties := parties.In(us, parties.Seat).WithName("US parties")
	majority := func(m parties.Method) regulator.Condition {
		return regulator.Owned(regulator.OwnershipRule{Holders: usParties, Method: m, Threshold: parties.Majority})
	}
	cfius := regulator.MustGate(regulator.GateSpec{
		ID:        "us-cfius",
		Regulator: regulator.Regulator{ID: "cfius", Name: "CFIUS", Jurisdiction: us},
		Clearance: regulator.Or(majority(parties.Direct()), regulator.And(majority(parties.Proportional()),
			regulator.Discretion("look-through", "counting US ownership looking through ByteDance"))),
		Discretionary: true,
	})

A gate's review runs on a [regulator.Timeline] of phases counted on a
working-day calendar of [github.com/dealscape/dealscape/regulator/calendar].
A [regulator.Deadline] is a dated order with a consequence, which may be
extended or enjoined, such as the EO 13942 prohibitions of 20 September
2020. [github.com/dealscape/dealscape/regulator/regimes] has ready-made
gates for common regimes.

# Proposals and outcomes

A [deal.Proposal] is a transaction: moves applied to the register
([deal.Transfer], [deal.Issue], [deal.Form]), settled terms and open ones
([deal.Dimension]). A [deal.Position] says what a party will accept, from
when. [deal.New] checks a [deal.Spec] and returns the [deal.Scenario]:

	global := deal.Proposal{
		ID: "oracle-walmart-tiktok-global", Target: "tiktok-global",
		Acquirers: []parties.ID{"oracle", "walmart"},
		Moves: []deal.Move{deal.Form{
			Party: parties.Party{ID: "tiktok-global", Name: "TikTok Global", Headquarters: us},
			Holders: []deal.Allocation{
				{Holder: "bytedance", Amount: deal.Fixed(decimal.RequireFromString("0.8"))},
				{Holder: "oracle", Amount: deal.Fixed(decimal.RequireFromString("0.125"))},
				{Holder: "walmart", Amount: deal.Fixed(decimal.RequireFromString("0.075"))},
			},
		}},
	}
	sc, err := deal.New(deal.Spec{
		Name: "tiktok", Register: reg, Gates: []regulator.Gate{cfius},
		Proposals: []deal.Proposal{global}, AsOf: time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC),
	})
	res, err := sc.Analyze(context.Background(), nil)

[deal.Scenario.Analyze] explores every open choice (which proposal, each
open term, each consent, each gate's decision, each review clock, each
deadline's extension and injunction) without enumerating the paths, and
returns a [deal.Result] with one [deal.Outcome] per end state: every
proposal closing, each deadline's consequence, and [deal.StatusQuo]. A
possible outcome carries its earliest and latest date and a witness path;
here the CFIUS step of the witness reads "US parties hold 20% of TikTok
Global directly; the rule needs more than 50%: fails; or (US parties hold
52.0%–52.8% of TikTok Global looking through …: holds; and counting US
ownership looking through ByteDance is at the authority's discretion:
open)". An impossible outcome carries its [deal.Reason]s, each naming the
party, gate or deadline that blocks it, and the smallest set that would
have to give way. With [deal.Likelihoods] each outcome also gets a
probability. [deal.Result.MarshalJSON] writes the result as stable JSON,
[deal.Scenario.PostDeal] gives the register after a proposal closes, and
[github.com/dealscape/dealscape/deal/diagram] draws ownership graphs and
outcome timelines.

# Data in and out

A whole scenario can also be written as a YAML or JSON document and loaded
with [github.com/dealscape/dealscape/deal/scenario], which reports every
problem with its line, column and field path and ships a JSON Schema for
editors. [github.com/dealscape/dealscape/parties/bods] reads ownership data
in the Beneficial Ownership Data Standard (0.2 to 0.4) into a register, as a
stream, and writes a register back as BODS 0.4.

# The example programs

The programs under examples/ rebuild the whole case from sourced facts,
state their assumptions, and print what the engine computes:

  - examples/tiktok: September 2020, with Microsoft's and Oracle's
    proposals, CFIUS, China's export licence on recommendation algorithms,
    the review authorities of Canada, Australia and New Zealand, the EO
    13942 prohibitions and the divestiture deadline. As of 14 September the
    Microsoft-Walmart acquisition is impossible, blocked by ByteDance's
    refusal to sell the algorithm and by the licence; as of 1 August it was
    possible.
  - examples/tiktokjv: the 2024 law (PAFACA), the orders that suspended its
    enforcement, and the 2026 joint venture in which ByteDance kept 19.9%,
    with flags for the contested readings of the 20% test.
  - examples/evaluate: the same report for a scenario document, such as
    examples/testdata/tiktok-2020.yaml, which rebuilds examples/tiktok.
  - examples/ubo: the ultimate owners of a company from BODS data, with
    the paths behind each figure.

Run go run ./examples/tiktok -json for the JSON form of the report.
*/
package dealscape

// The tour's doc links, such as [deal.Scenario], resolve through these
// imports; the package has no code of its own.
import (
	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
)

var (
	_ *deal.Scenario
	_ *parties.Register
	_ regulator.Gate
)
