// Package dealscape models contested cross-border deals: who owns what,
// which authority must approve what by when, and which outcomes remain
// possible.
//
// The module is organised as a one-way flow of data:
//
//   - [github.com/dealscape/dealscape/parties] holds the facts: jurisdictions,
//     parties and the stakes between them, and answers look-through ownership,
//     control and ownership by nationality.
//   - [github.com/dealscape/dealscape/regulator] states the rules: approval
//     gates with their legal basis, in-force dates, triggers, clearance tests,
//     review clocks and deadlines.
//   - [github.com/dealscape/dealscape/deal] asks the questions: proposals,
//     positions and the engine that computes which outcomes are possible, why,
//     by when and how likely.
package dealscape
