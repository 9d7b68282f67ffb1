package diagram_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/deal/diagram"
	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/shopspring/decimal"
)

// exampleRegister is TikTok Global as proposed in September 2020.
func exampleRegister() *parties.Register {
	us, cn, ky := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN"), parties.MustJurisdiction("KY")
	reg, err := parties.New([]parties.Party{
		{ID: "tiktok-global", Name: "TikTok Global", Jurisdiction: us, Headquarters: us},
		{ID: "bytedance", Name: "ByteDance", Jurisdiction: ky, Headquarters: cn},
		{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us},
		{ID: "walmart", Name: "Walmart", Jurisdiction: us, Headquarters: us},
		{ID: "us-investors", Name: "US investors", Kind: parties.Fund, Jurisdiction: us},
	}, []parties.Stake{
		{Holder: "bytedance", Subject: "tiktok-global", Economic: parties.MustParseShare("80%")},
		{Holder: "oracle", Subject: "tiktok-global", Economic: parties.MustParseShare("12.5%")},
		{Holder: "walmart", Subject: "tiktok-global", Economic: parties.MustParseShare("7.5%")},
		{Holder: "us-investors", Subject: "bytedance", Economic: parties.MustParseShare("40%–41%")},
	})
	if err != nil {
		panic(err)
	}
	return reg
}

// The ownership graph as Mermaid flowchart text, parties grouped by
// jurisdiction (headquarters first); a range is drawn dashed.
func ExampleOwnership() {
	err := diagram.Ownership(os.Stdout, exampleRegister(), &diagram.OwnershipOptions{
		Format: diagram.Mermaid,
		Title:  "TikTok Global",
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// ---
	// title: "TikTok Global"
	// ---
	// flowchart TB
	//     subgraph j_CN ["CN"]
	//         p_bytedance["ByteDance"]
	//     end
	//     subgraph j_US ["US"]
	//         p_oracle["Oracle"]
	//         p_tiktok__global["TikTok Global"]
	//         p_us__investors[/"US investors"/]
	//         p_walmart["Walmart"]
	//     end
	//     p_us__investors -.->|"40%–41%"| p_bytedance
	//     p_bytedance -->|"80%"| p_tiktok__global
	//     p_oracle -->|"12.5%"| p_tiktok__global
	//     p_walmart -->|"7.5%"| p_tiktok__global
	//     style j_CN fill:#a6cee3,stroke:#666666
	//     style j_US fill:#fdbf6f,stroke:#666666
}

// The same graph in Graphviz DOT, limited to ByteDance and its holders and
// without grouping; dot -Tsvg renders it.
func ExampleOwnership_dot() {
	err := diagram.Ownership(os.Stdout, exampleRegister(), &diagram.OwnershipOptions{
		Subject:  "bytedance",
		Grouping: diagram.NoGrouping,
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// digraph ownership {
	// 	graph [fontname="Helvetica", newrank=true];
	// 	node [fontname="Helvetica", shape=box, style="rounded,filled", fillcolor="#ffffff"];
	// 	edge [fontname="Helvetica", fontsize=10];
	// 	"bytedance" [label="ByteDance"];
	// 	"us-investors" [label="US investors", shape=folder, style=filled];
	// 	"us-investors" -> "bytedance" [label="40%–41%", style=dashed];
	// }
}

// A proposal's post-deal register beside the register before it: here
// ByteDance sells 7.5% of TikTok Global to Oracle. The scenario gives the
// post-deal register; diagram.Proposal draws both from the scenario alone.
func ExampleBeforeAfter() {
	before := exampleRegister()
	sc, err := deal.New(deal.Spec{
		Register: before,
		Proposals: []deal.Proposal{{
			ID: "oracle-20", Target: "tiktok-global", Acquirers: []parties.ID{"oracle"},
			Moves: []deal.Move{deal.Transfer{Seller: "bytedance", Buyer: "oracle", Subject: "tiktok-global",
				Amount: deal.Fixed(decimal.RequireFromString("0.075"))}},
		}},
		AsOf: time.Date(2020, 9, 19, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	after, _, err := sc.PostDeal("oracle-20", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	err = diagram.BeforeAfter(os.Stdout, before, after, &diagram.OwnershipOptions{
		Format:   diagram.Mermaid,
		Subject:  "tiktok-global",
		Grouping: diagram.NoGrouping,
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// flowchart LR
	//     subgraph before ["before"]
	//         direction TB
	//         before_p_bytedance["ByteDance"]
	//         before_p_oracle["Oracle"]
	//         before_p_tiktok__global["TikTok Global"]
	//         before_p_us__investors[/"US investors"/]
	//         before_p_walmart["Walmart"]
	//     end
	//     subgraph after ["after"]
	//         direction TB
	//         after_p_bytedance["ByteDance"]
	//         after_p_oracle["Oracle"]
	//         after_p_tiktok__global["TikTok Global"]
	//         after_p_us__investors[/"US investors"/]
	//         after_p_walmart["Walmart"]
	//     end
	//     before_p_us__investors -.->|"40%–41%"| before_p_bytedance
	//     before_p_bytedance -->|"80%"| before_p_tiktok__global
	//     before_p_oracle -->|"12.5%"| before_p_tiktok__global
	//     before_p_walmart -->|"7.5%"| before_p_tiktok__global
	//     after_p_us__investors -.->|"40%–41%"| after_p_bytedance
	//     after_p_bytedance -->|"72.5%"| after_p_tiktok__global
	//     after_p_oracle -->|"20%"| after_p_tiktok__global
	//     after_p_walmart -->|"7.5%"| after_p_tiktok__global
}

// A Gantt chart of two reviews filed on 2020-09-14 — a CFIUS-like review
// with an optional investigation, and an export licence counted in Chinese
// working days (the National Day holiday pushes it back) — and two
// deadlines, one of which can be extended.
func ExampleTimeline() {
	us, cn := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN")
	cfius := regulator.MustGate(regulator.GateSpec{
		ID: "us-cfius", Name: "CFIUS", Regulator: regulator.Regulator{ID: "cfius", Jurisdiction: us},
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "review", Max: calendar.Days(45)},
			{Name: "investigation", Max: calendar.Days(45), Optional: true},
		}},
	})
	licence := regulator.MustGate(regulator.GateSpec{
		ID: "cn-licence", Name: "export licence", Regulator: regulator.Regulator{ID: "mofcom", Name: "MOFCOM", Jurisdiction: cn},
		Timeline: regulator.Timeline{Phases: []regulator.Phase{
			{Name: "decision", Max: calendar.WorkingDays(30), Calendar: calendar.China()},
		}},
	})
	eo := regulator.MustDeadline(regulator.DeadlineSpec{ID: "eo-13942", Name: "EO 13942", Date: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)})
	order := regulator.MustDeadline(regulator.DeadlineSpec{ID: "order", Name: "divestiture order", Date: time.Date(2020, 11, 12, 0, 0, 0, 0, time.UTC),
		Extension: regulator.Extension{Up: calendar.Days(30)}})
	err := diagram.Timeline(os.Stdout, diagram.TimelineSpec{
		Title:     "TikTok Global",
		Filed:     time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC),
		Gates:     []regulator.Gate{cfius, licence},
		Deadlines: []regulator.Deadline{eo, order},
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// gantt
	//     title TikTok Global
	//     dateFormat YYYY-MM-DD
	//     axisFormat %Y-%m-%d
	//     todayMarker off
	//     section CFIUS (cfius)
	//     review :g0p0, 2020-09-14, 2020-10-28
	//     investigation (optional) :g0p1, 2020-10-28, 2020-12-11
	//     section export licence (MOFCOM)
	//     decision :g1p0, 2020-09-14, 2020-10-29
	//     section deadlines
	//     EO 13942 :crit, milestone, d0, 2020-09-20, 0d
	//     divestiture order :crit, milestone, d1, 2020-11-12, 0d
	//     divestiture order (if extended) :crit, milestone, d1x, 2020-12-12, 0d
}

// Each outcome of an analysed scenario has a timeline: for a closing, the
// reviews its witness path goes through and the closing window.
func ExampleOutcomeTimeline() {
	us := parties.MustJurisdiction("US")
	cfius := regulator.MustGate(regulator.GateSpec{
		ID: "us-cfius", Name: "CFIUS", Regulator: regulator.Regulator{ID: "cfius", Name: "CFIUS", Jurisdiction: us},
		Timeline: regulator.Timeline{Phases: []regulator.Phase{{Name: "review", Min: calendar.Days(30), Max: calendar.Days(45)}}},
	})
	sc, err := deal.New(deal.Spec{
		Name:     "TikTok",
		Register: exampleRegister(),
		Gates:    []regulator.Gate{cfius},
		Proposals: []deal.Proposal{{
			ID: "oracle-20", Name: "Oracle to 20%", Target: "tiktok-global", Acquirers: []parties.ID{"oracle"},
			Moves: []deal.Move{deal.Transfer{Seller: "bytedance", Buyer: "oracle", Subject: "tiktok-global",
				Amount: deal.Fixed(decimal.RequireFromString("0.075"))}},
		}},
		Positions: []deal.Position{{Party: "bytedance"}, {Party: "oracle"}},
		AsOf:      time.Date(2020, 9, 14, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := sc.Analyze(context.Background(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	o, _ := res.Outcome("oracle-20")
	spec, err := diagram.OutcomeTimeline(sc, o)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := diagram.Timeline(os.Stdout, spec); err != nil {
		fmt.Println(err)
	}
	// Output:
	// gantt
	//     title TikTok#58; closing#58; Oracle to 20#37;
	//     dateFormat YYYY-MM-DD
	//     axisFormat %Y-%m-%d
	//     todayMarker off
	//     section CFIUS
	//     review :g0p0, 2020-09-14, 2020-10-28
	//     section closing
	//     closing window :active, close, 2020-10-13, 2020-10-28
}
