// Package diagram draws a deal world for people to look at: ownership graphs
// as Graphviz DOT or Mermaid flowchart text, the ownership after a proposal
// side by side with the ownership before it, and each outcome's timeline as
// a Mermaid Gantt chart.
//
// # Ownership graphs
//
// [Ownership] writes the graph of a [parties.Register]: a node per party,
// labelled with its name and identified by its ID, and an arrow from each
// holder to each party it holds a stake in, labelled with the share
// ("12.5%", or "40%–41%" for a range, drawn dashed). [OwnershipOptions]
// choose the [Format] ([DOT] or [Mermaid]), a title, a subject to limit the
// graph to (the subject and everything above it) and the [Grouping]: parties
// boxed by jurisdiction (DOT clusters, Mermaid subgraphs), coloured by
// jurisdiction with a legend, or neither. A party's jurisdiction is its
// headquarters, or where that is not known its jurisdiction of
// incorporation.
//
// [BeforeAfter] draws two registers side by side in one graph; [Proposal]
// does so for a proposal of a [deal.Scenario], taking the post-deal
// register from [deal.Scenario.PostDeal]; [Scenario] draws the register
// before any deal beside the register after each proposal.
//
// # Timelines
//
// [Timeline] writes a [TimelineSpec] as a Mermaid Gantt chart: a section per
// gate with its review phases from the filing date to the latest decision
// ([regulator.Timeline.Schedule]; a gate that waits for another starts on
// that one's latest decision), the closing window, and the deadlines as
// milestones. [OutcomeTimeline] builds the spec of one [deal.Outcome]: for
// a closing, the gates its witness path clears and every deadline; for a
// deadline's consequence, the deadlines that bring it about.
//
// [Markdown] writes every Mermaid diagram of a scenario and its result into
// one Markdown document.
//
// # Output
//
// Output is deterministic: the same register gives the same bytes whatever
// order its parties and stakes were added in. Identifiers and names may
// hold any characters: DOT identifiers are quoted and escaped so that
// distinct IDs stay distinct; Mermaid node identifiers are the IDs encoded
// to letters, digits and "_"; labels show names as written, with quotes,
// brackets and markup characters escaped (as numeric entities in Mermaid).
// A function writes nothing when it reports an invalid input.
//
// # Use from a program
//
// A program that takes -dot FILE and -mermaid FILE flags, with a scenario sc
// and its result res from [deal.Scenario.Analyze], writes:
//
//	if *dotFile != "" {
//		f, err := os.Create(*dotFile)
//		if err != nil {
//			return err
//		}
//		// Before any deal and after each proposal; render with dot -Tsvg.
//		err = diagram.Scenario(f, sc, &diagram.OwnershipOptions{Format: diagram.DOT})
//		if cerr := f.Close(); err == nil {
//			err = cerr
//		}
//		if err != nil {
//			return err
//		}
//	}
//	if *mermaidFile != "" {
//		f, err := os.Create(*mermaidFile)
//		if err != nil {
//			return err
//		}
//		// A Markdown file (name it .md): each proposal before and after,
//		// then each outcome's timeline, in ```mermaid blocks.
//		err = diagram.Markdown(f, sc, res, nil)
//		if cerr := f.Close(); err == nil {
//			err = cerr
//		}
//		if err != nil {
//			return err
//		}
//	}
//
// A DOT file holds one graph, so -dot writes the ownership graphs only;
// Mermaid has no file format holding several diagrams, so -mermaid writes
// Markdown. A program that wants a single diagram calls [Ownership],
// [Proposal] or [Timeline] with [OutcomeTimeline] directly.
package diagram
