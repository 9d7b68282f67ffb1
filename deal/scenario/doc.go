// Package scenario reads and writes whole deal scenarios as documents, in
// YAML for people and JSON for programs, and turns them into a
// [deal.Scenario].
//
//	f, err := scenario.Load("tiktok.yaml", r) // syntax, types, unknown fields
//	if err != nil { … }                      // tiktok.yaml:41:15: proposals[1].moves[0].transfer.amount: 1.3 is outside [0, 1]
//	sc, err := f.Scenario()                  // references, and the library's own checks
//	res, err := sc.Analyze(ctx, nil)
//
// [Load] and [File.Scenario] report every problem at once, each an
// [*Error] with the file, line, column and path of the field; neither
// panics, whatever the input. [Save] writes a [File] back: loading what it
// writes gives an equal File, decimals with every digit.
//
// # The format
//
// A document is one mapping. Field names are snake_case; a field not listed
// here is an error, and so is null (leave the field out instead). Dates are
// YYYY-MM-DD. Decimals (probabilities, numbers) are written in plain
// notation, as numbers or strings; they are never read as floating point,
// so "0.40000000000000000001" stays what it is. Shares are fractions of 1
// ("0.125"), percentages ("12.5%") or ranges ("0.40..0.41", "40%-41%").
// Periods are a whole number and a unit: "45 calendar-days",
// "30 working-days", "2 months".
//
//	name: TikTok 2020                       # optional
//	as_of: 2020-09-14                       # the date the scenario is evaluated at
//	calendars: [{name: exchange, weekend: [friday, saturday], holidays: [2020-12-25]}]
//	groups: [{name: adversaries, members: [CN, IR, KP, RU]}]
//	parties:
//	  - {id: bytedance, name: ByteDance, kind: company, jurisdiction: KY, headquarters: CN,
//	     tags: [], source: {url: "https://…", date: 2020-09-21, confidence: reported}}
//	  - {id: us-investors, kind: fund, jurisdiction: US}
//	  - {id: tiktok-us, jurisdiction: US}
//	  - {id: oracle, jurisdiction: US}
//	  - {id: walmart, jurisdiction: US}
//	stakes:
//	  - {holder: us-investors, subject: bytedance, economic: 0.40..0.41, voting: 0.2,
//	     from: 2020-01-01, source: {url: "https://…"}}
//	  - {holder: bytedance, subject: tiktok-us, economic: 100%}
//	regulators: [{id: cfius, name: CFIUS, jurisdiction: US}]
//	gates:
//	  - id: us-cfius
//	    regulator: cfius                    # a regulator's ID
//	    basis: {instrument: Defense Production Act, section: "section 721", url: "https://…"}
//	    in_force: {from: 2020-02-13}
//	    trigger: {controlled: {holders: {not: {in: {jurisdiction: US}}}}}
//	    clearance: {or: [{discretion: {name: cleared, text: whether CFIUS clears}},
//	                     {requires: trusted-third-party}]}
//	    mitigations: [{id: trusted-third-party, available: {term_party: {term: data-custodian,
//	                   predicate: {in: {jurisdiction: US}}}}}]
//	    discretionary: true
//	    timeline: {phases: [{name: review, max: 45 calendar-days, calendar: us},
//	                        {name: investigation, max: 45 calendar-days, day_one: next-day, optional: true}]}
//	    waits_for: []                       # IDs of gates this gate's review waits for
//	deadlines:
//	  - {id: eo-13942, outcome: us-ban, date: 2020-09-20, enjoinable: true,
//	     extension: {up: 30 calendar-days, certain: false, by: CFIUS}}
//	positions:
//	  - {party: bytedance, accepts: {not: {term_is: {term: algorithm-transferred, value: {bool: true}}}},
//	     from: 2020-09-13}
//	proposals:
//	  - id: tiktok-global
//	    target: tiktok-us
//	    acquirers: [oracle, walmart]
//	    moves:
//	      - transfer: {seller: bytedance, buyer: oracle, subject: tiktok-us, amount: 0.125}
//	      - issue: {subject: tiktok-us, to: [{holder: walmart, amount: {term: walmart-stake}}]}
//	      - form: {party: {id: newco, jurisdiction: US}, holders: [{holder: oracle, amount: 1}]}
//	    terms: {data-custodian: {text: oracle}, markets: {set: [US]}, price: {number: 1000000000}}
//	    dimensions: [{term: walmart-stake, values: [{number: 0.075}, {number: 0.1}], likelihoods: [0.5, 0.5]}]
//	    consents: [bytedance, oracle, walmart]   # left out: the sellers and the acquirers
//	    filed: 2020-09-14
//	likelihoods: {proposals: {tiktok-global: 1}, consent: {bytedance: 0.5}, clearance: {us-cfius: 0.6},
//	              trigger: {}, injunction: {eo-13942: 0.7}, extension: {}, timely: {}}
//	report:                                 # for people reading the analysis; see Report
//	  title: TikTok Global
//	  outcomes: {us-ban: the ban takes effect}
//	  figures: [{label: US share, proposal: tiktok-global, subject: tiktok-us, holders: {in: {jurisdiction: US}}}]
//	  assumptions: [the figures are rounded]
//
// Term values are typed: {bool: true}, {text: oracle}, {number: "0.125"},
// {set: [US, CA]} or {date: 2020-09-20}. An amount is a share, the word
// "all" (all of the seller's stake, for transfers) or {term: name}, the
// value of a numeric term that an open dimension may vary.
//
// Conditions, for triggers, clearance tests, mitigations' availability and
// positions, mirror the combinators of package regulator; each is a mapping
// with exactly one key (see [Condition]):
//
//	{and: [c, …]}  {or: [c, …]}  {not: c}  {at_least: {k: 2, of: [c, …]}}
//	{owned: {subject: tiktok-us, holders: p, method: direct, threshold: ">0.5"}}
//	{controlled: {subject: tiktok-us, holders: p, threshold: ">=0.5"}}
//	{party_is: {party: tiktok-us, predicate: p}}  {acquirer_is: p}
//	{term_is: {term: t, value: v}}  {term_in: {term: t, values: [v, …]}}
//	{term_compare: {term: price, op: ">=", value: 1000000000}}
//	{term_present: t}  {term_contains: {term: markets, item: CA}}
//	{term_party: {term: data-custodian, predicate: p}}
//	{on_or_after: 2020-08-28}  {before: 2021-06-09}
//	{discretion: {name: n, text: …}}  {const: {value: fails, text: …}}
//	{requires: mitigation-id}  {named: {name: n, condition: c}}
//
// Predicates select parties and mirror those of package parties (see
// [Predicate]); each may carry a name that explanations use:
//
//	{in: {jurisdiction: US, basis: seat}}  {in_group: {group: adversaries}}
//	{of_kind: [state, person]}  {tagged: state-owned}  {ids: [oracle]}
//	{any_of: [p, …]}  {all_of: [p, …]}  {not: p}  {name: US persons, in: {jurisdiction: US}}
//
// Calendars are named: the built-in ones ([CalendarNames]: us, uk, germany,
// australia, new-zealand, canada, japan, eu-commission, china, weekdays) and
// those the document defines. Phases take day_one (event-day or next-day)
// and roll (none or following) as in package calendar.
//
// A gate or a deadline may instead name a preset of package regimes, with
// its options in snake_case ([PresetOptions], [GatePresets],
// [DeadlinePresets]); every other field given replaces the preset's:
//
//	gates:
//	  - preset: cfius-notice
//	    options: {filed: 2020-09-14, business: tiktok-us, control: ">0.5"}
//	  - preset: tech-export-licence
//	    id: cn-licence                      # replaces the preset's ID
//	    clearance: {const: {value: fails, text: China will not grant it}}
//	    discretionary: false
//	deadlines:
//	  - {id: eo-13942, outcome: us-ban, preset: ieepa-prohibition, options: {effective: 2020-09-20}}
//
// YAML anchors and aliases may share a predicate or condition between
// places; [Save] writes them out in full.
//
// # Schema
//
// schema.json in this directory is a JSON Schema (draft 2020-12) of the
// format, generated from the Go types and their doc comments by go generate
// and checked by the tests. Point an editor at it, with "$schema" in a JSON
// document or a "# yaml-language-server: $schema=…" comment in a YAML one,
// to have documents checked as they are typed. Every document [Load]
// accepts validates against it.
//
// # Results
//
// A [deal.Result] marshals to stable JSON (see [deal.Result.MarshalJSON]):
// snake_case fields, dates as YYYY-MM-DD or null, probabilities as decimal
// strings or null, outcomes in a fixed order. The example of
// [File.Scenario] shows it.
package scenario

//go:generate go test -run ^TestSchema$ -update .
