package report

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dealscape/dealscape/deal"
	"github.com/dealscape/dealscape/deal/diagram"
)

// Diagrams writes the diagrams of scenario sc and its result r to files:
// to dotFile the ownership before any deal and after each proposal as
// Graphviz DOT (render it with dot -Tsvg), to mermaidFile a Markdown
// document with the same ownership graphs and each outcome's timeline as
// Mermaid diagrams. An empty file name writes nothing.
func Diagrams(sc *deal.Scenario, r *deal.Result, dotFile, mermaidFile string) error {
	if dotFile != "" {
		err := writeFile(dotFile, func(w io.Writer) error {
			return diagram.Scenario(w, sc, &diagram.OwnershipOptions{Format: diagram.DOT, Title: sc.Name()})
		})
		if err != nil {
			return fmt.Errorf("-dot: %w", err)
		}
	}
	if mermaidFile != "" {
		err := writeFile(mermaidFile, func(w io.Writer) error { return diagram.Markdown(w, sc, r, nil) })
		if err != nil {
			return fmt.Errorf("-mermaid: %w", err)
		}
	}
	return nil
}

func writeFile(name string, draw func(io.Writer) error) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	return draw(f)
}
