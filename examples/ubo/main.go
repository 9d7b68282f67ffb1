// Command ubo prints the ultimate owners of a company from Beneficial
// Ownership Data Standard data, looking through every chain of holdings,
// with the ranges the data allows and the paths behind each figure.
//
// Usage:
//
//	go run ./examples/ubo -f data.json -subject ID [-method M] [-asof DATE] [-json]
//
// ID is the subject's record ID (BODS 0.4) or entity statement ID (BODS
// 0.2/0.3). -method picks the attribution method: proportional (the
// default), attribution, attribution:>=0.25, rolling:>0.25, direct. -asof
// counts only the holdings in force on that date (YYYY-MM-DD; the default is
// today); -asof all counts every holding the data records, whatever its
// dates. -json prints
//
//	{"subject": ID, "owners": [{"id": ID, "min": "0.25", "max": "0.5"}]}
//
// with shares as decimal fractions of 1, exact where the data is exact.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/parties/bods"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "ubo:", err)
		}
		os.Exit(2)
	}
}

// owner is one entry of the -json output.
type owner struct {
	ID  string `json:"id"`
	Min string `json:"min"`
	Max string `json:"max"`
}

type output struct {
	Subject string  `json:"subject"`
	Owners  []owner `json:"owners"`
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ubo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("f", "", "BODS file: a JSON array of statements (- for standard input)")
	subject := fs.String("subject", "", "record ID (BODS 0.4) or entity statement ID (0.2/0.3) of the company")
	method := fs.String("method", "proportional", "attribution method: proportional, attribution[:>0.5], rolling[:>0.25] or direct")
	asOf := fs.String("asof", "", "count the holdings in force on this date, YYYY-MM-DD (default today), or all")
	asJSON := fs.Bool("json", false, `print {"subject", "owners": [{"id", "min", "max"}]} as JSON`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *file == "" || *subject == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("-f and -subject are required")
	}
	m, err := parties.ParseMethod(*method)
	if err != nil {
		return err
	}
	var date time.Time
	switch *asOf {
	case "all":
	case "":
		y, mo, d := time.Now().Date()
		date = time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	default:
		if date, err = time.Parse(time.DateOnly, *asOf); err != nil {
			return fmt.Errorf("-asof: %w", err)
		}
	}

	var in io.Reader = os.Stdin
	if *file != "-" {
		f, err := os.Open(*file)
		if err != nil {
			return err
		}
		defer f.Close()
		in = bufio.NewReaderSize(f, 1<<20)
	}
	res, err := bods.Import(in, &bods.ImportOptions{AsOf: date})
	if err != nil {
		return err
	}
	reg := res.Register
	id := parties.ID(*subject)
	if _, ok := reg.Party(id); !ok {
		return fmt.Errorf("no entity %q in %s", *subject, *file)
	}
	owners, err := reg.UltimateOwners(id, &parties.OwnerOptions{Method: m})
	if err != nil {
		return err
	}
	if *asJSON {
		out := output{Subject: *subject, Owners: []owner{}}
		for _, o := range owners {
			out.Owners = append(out.Owners, owner{ID: string(o.Party), Min: o.Share.Min().String(), Max: o.Share.Max().String()})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return report(stdout, reg, res.Controls, id, owners, m, *asOf, date)
}

// report prints the owners with the paths behind each figure.
func report(w io.Writer, reg *parties.Register, controls []bods.ControlFact, id parties.ID, owners []parties.Owner, m parties.Method, asOf string, date time.Time) error {
	subj, _ := reg.Party(id)
	when := "every holding recorded"
	if asOf != "all" {
		when = "as of " + date.Format(time.DateOnly)
	}
	fmt.Fprintf(w, "Ultimate owners of %s (%s), %s look-through, %s\n\n", subj, id, m, when)
	if len(owners) == 0 {
		fmt.Fprintln(w, "  none found: nobody holds shares in it in the data")
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, o := range owners {
		p, _ := reg.Party(o.Party)
		detail := p.Kind.String()
		if !p.Jurisdiction.IsZero() {
			detail += ", " + p.Jurisdiction.String()
		}
		if p.Reason != "" {
			detail += ", " + p.Reason
		}
		fmt.Fprintf(tw, "  %s\t%s\t(%s)\t%s\n", o.Share, p, o.Party, detail)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, o := range owners {
		x, err := reg.Explain(id, o.Party, m)
		if err != nil {
			return err
		}
		p, _ := reg.Party(o.Party)
		fmt.Fprintf(w, "\n%s: %s\n", p, x.Share)
		for _, path := range x.Paths {
			fmt.Fprintf(w, "    %s\n", path)
		}
		if x.Truncated {
			fmt.Fprintf(w, "    (only the first %d paths are listed)\n", len(x.Paths))
		}
		if !x.Remainder.Min().IsZero() || !x.Remainder.Max().IsZero() {
			fmt.Fprintf(w, "    + %s through cycles of cross-holdings\n", x.Remainder)
		}
	}
	var other []string
	for _, c := range controls {
		if c.Subject != id || (asOf != "all" && !active(c, date)) {
			continue
		}
		other = append(other, "    "+c.String())
	}
	if len(other) > 0 {
		fmt.Fprintf(w, "\nOther interests declared in %s (not counted above):\n%s\n", subj, strings.Join(other, "\n"))
	}
	return nil
}

func active(c bods.ControlFact, d time.Time) bool {
	return (c.From.IsZero() || !d.Before(c.From)) && (c.Until.IsZero() || d.Before(c.Until))
}
