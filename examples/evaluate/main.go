// Command evaluate analyses a deal scenario written as a document (YAML or
// JSON, in the format of package deal/scenario) and prints which outcomes
// are possible, which are not, why, and by when: the same report as the
// programs that build their scenarios in Go, such as examples/tiktok.
//
// Usage:
//
//	evaluate -f FILE [-asof YYYY-MM-DD] [-json] [-dot FILE] [-mermaid FILE]
//
// -f names the document ("-" reads standard input). -asof evaluates the
// scenario at another date than the document's as_of. -json prints one JSON
// object instead of the readable report: the result's own JSON
// ([deal.Result.MarshalJSON]) followed by "parameters", "facts" (empty: a
// document has none), "ownership" and "assumptions". The document's
// optional report section gives the title, the outcomes in words, the
// ownership figures and the assumptions. -dot and -mermaid also write the
// ownership graphs (and, in Mermaid, each outcome's timeline) to files.
//
// A document with problems is reported with every problem at once, each
// with its line, column and field path, as in
//
//	tiktok.yaml:41:15: proposals[1].moves[0].transfer.amount: 1.3 is outside [0, 1]
//
// examples/testdata/tiktok-2020.yaml rebuilds the scenario of
// examples/tiktok:
//
//	go run ./examples/evaluate -f examples/testdata/tiktok-2020.yaml
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/deal/scenario"
	"github.com/dealscape/dealscape/examples/internal/report"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "evaluate:", err)
		os.Exit(1)
	}
}

// stdin is what -f - reads; tests replace it.
var stdin io.Reader = os.Stdin

// run parses args, loads and analyses the scenario and writes the report to
// stdout; usage and flag errors go to stderr.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "", "read the scenario from `file`, YAML or JSON (- for standard input)")
	flags := report.AddFlags(fs, "", "evaluate the scenario as of this `date` (YYYY-MM-DD) instead of the document's as_of")
	if err := report.Parse(fs, args); err != nil {
		return err
	}
	if *file == "" {
		fs.Usage()
		return errors.New("-f: no scenario file given")
	}
	f, err := load(*file)
	if err != nil {
		return err
	}
	sc, err := f.Scenario()
	if err != nil {
		return err
	}
	d, err := flags.AsOf()
	if err != nil {
		return err
	}
	if !d.IsZero() {
		sc = sc.WithAsOf(d)
	}
	x, err := extra(f, sc, *file)
	if err != nil {
		return err
	}
	return flags.Analyze(stdout, sc, x)
}

// extra returns what the report prints besides the result: the parameters
// and the document's report section.
func extra(f *scenario.File, sc *deal.Scenario, file string) (report.Extra, error) {
	x := report.Extra{
		Params: []report.Param{{Name: "file", Value: file}, {Name: "asof", Value: sc.AsOf().Format(time.DateOnly)}},
	}
	if rep := f.Report; rep != nil {
		x.Title, x.Outcomes, x.Assumptions = rep.Title, rep.Outcomes, rep.Assumptions
		for _, fig := range rep.Figures {
			o, err := f.Measure(sc, fig)
			if err != nil {
				return report.Extra{}, fmt.Errorf("report figure %q: %w", fig.Label, err)
			}
			x.Figures = append(x.Figures, report.Figure{Label: fig.Label, Proposal: fig.Proposal, Ownership: o})
		}
	}
	return x, nil
}

// load reads the scenario document name, or standard input for "-".
func load(name string) (*scenario.File, error) {
	if name == "-" {
		return scenario.Load("<stdin>", stdin)
	}
	r, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return scenario.Load(name, r)
}
