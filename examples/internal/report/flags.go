package report

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/dealscape/dealscape/deal"
)

// Flags are the command-line flags every example program shares: -asof,
// -json, -dot and -mermaid.
type Flags struct {
	asOf         *string
	json         *bool
	dot, mermaid *string
}

// AddFlags defines the shared flags on fs; defaultAsOf is the -asof default
// ("" for none).
func AddFlags(fs *flag.FlagSet, defaultAsOf, asOfUsage string) *Flags {
	return &Flags{
		asOf:    fs.String("asof", defaultAsOf, asOfUsage),
		json:    fs.Bool("json", false, "print one JSON object instead of the readable report"),
		dot:     fs.String("dot", "", "also write the ownership before any deal and after each proposal as Graphviz DOT to `file`"),
		mermaid: fs.String("mermaid", "", "also write the ownership graphs and each outcome's timeline as Mermaid diagrams in a Markdown `file`"),
	}
}

// Parse parses args into fs and rejects positional arguments.
func Parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return nil
}

// AsOf returns the -asof date, or the zero time where the flag is empty.
func (f *Flags) AsOf() (time.Time, error) {
	if *f.asOf == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, *f.asOf)
	if err != nil {
		return time.Time{}, fmt.Errorf("-asof: %q is not a date in the form YYYY-MM-DD", *f.asOf)
	}
	return d, nil
}

// Analyze analyses sc, writes the diagrams the flags ask for and then the
// report (text, or JSON with -json) with x to stdout.
func (f *Flags) Analyze(stdout io.Writer, sc *deal.Scenario, x Extra) error {
	r, err := sc.Analyze(context.Background(), nil)
	if err != nil {
		return err
	}
	if err := Diagrams(sc, r, *f.dot, *f.mermaid); err != nil {
		return err
	}
	if *f.json {
		return JSON(stdout, r, x)
	}
	return Text(stdout, r, x)
}
