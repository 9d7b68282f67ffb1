package diagram

import (
	"fmt"
	"strings"

	"github.com/dealscape/dealscape/parties"
)

// Mermaid identifiers: a party is "p_" and its encoded ID ([mermaidID]),
// prefixed by its panel's key and "_" where there are several panels; a
// jurisdiction's subgraph is "j_" and its code, likewise prefixed; notes,
// panels and the legend have plain names. Keys and codes hold no "_", so no
// two of these can be equal, and none is a Mermaid keyword such as "end".

func mermaidNodeID(key string, id parties.ID) string {
	if key == "" {
		return "p_" + mermaidID(string(id))
	}
	return key + "_p_" + mermaidID(string(id))
}

func mermaidKeyed(key, name string) string {
	if key == "" {
		return name
	}
	return key + "_" + name
}

// mermaidShape returns the opening and closing of a kind of party's shape.
func mermaidShape(k parties.Kind) (open, close string) {
	switch k {
	case parties.Fund:
		return `[/"`, `"/]`
	case parties.State:
		return `{{"`, `"}}`
	case parties.Person:
		return `(["`, `"])`
	case parties.Consortium:
		return `[["`, `"]]`
	case parties.Unknown:
		return `(("`, `"))`
	}
	return `["`, `"]`
}

// classOf returns the Mermaid class of a jurisdiction's colour.
func classOf(code string) string { return "jur_" + jurLabel(code) }

// writeMermaid writes the panels as one Mermaid flowchart: a single panel
// with no key at the top level, several panels as subgraphs side by side.
func writeMermaid(b *strings.Builder, title string, pns []panel, grouping Grouping) {
	codes, colour := colours(pns)
	if title != "" {
		fmt.Fprintf(b, "---\ntitle: %s\n---\n", yamlQuote(title))
	}
	multi := len(pns) > 1 || pns[0].key != ""
	if multi {
		b.WriteString("flowchart LR\n")
	} else {
		b.WriteString("flowchart TB\n")
	}
	var styles []string
	for _, pn := range pns {
		indent := "    "
		if pn.key != "" {
			fmt.Fprintf(b, "    subgraph %s [\"%s\"]\n        direction TB\n", pn.key, mermaidText(pn.label))
			indent = "        "
		}
		if pn.note != "" {
			fmt.Fprintf(b, "%s%s>\"%s\"]\n", indent, mermaidKeyed(pn.key, "note"), mermaidText(pn.note))
		}
		if grouping == GroupByJurisdiction {
			for _, g := range pn.groups() {
				id := mermaidKeyed(pn.key, "j_"+jurLabel(g.jur))
				fmt.Fprintf(b, "%ssubgraph %s [\"%s\"]\n", indent, id, mermaidText(jurLabel(g.jur)))
				for _, n := range g.nodes {
					writeMermaidNode(b, indent+"    ", pn.key, n)
				}
				fmt.Fprintf(b, "%send\n", indent)
				styles = append(styles, fmt.Sprintf("    style %s fill:%s,stroke:#666666", id, colour[g.jur]))
			}
		} else {
			for _, n := range pn.nodes {
				writeMermaidNode(b, indent, pn.key, n)
			}
		}
		if pn.key != "" {
			b.WriteString("    end\n")
		}
	}
	if grouping == ColourByJurisdiction && len(codes) > 0 {
		b.WriteString("    subgraph legend [\"jurisdictions\"]\n")
		for _, c := range codes {
			fmt.Fprintf(b, "        legend_%s[\"%s\"]\n", jurLabel(c), mermaidText(jurLabel(c)))
		}
		b.WriteString("    end\n")
	}
	for _, pn := range pns {
		for _, a := range pn.arrows {
			link := "-->"
			if a.ranged() {
				link = "-.->"
			}
			fmt.Fprintf(b, "    %s %s|\"%s\"| %s\n", mermaidNodeID(pn.key, a.holder), link, mermaidText(a.label()), mermaidNodeID(pn.key, a.subject))
		}
	}
	if grouping == ColourByJurisdiction {
		for _, c := range codes {
			fmt.Fprintf(b, "    classDef %s fill:%s,stroke:#666666\n", classOf(c), colour[c])
		}
		for _, c := range codes {
			var ids []string
			for _, pn := range pns {
				for _, n := range pn.nodes {
					if n.jur == c {
						ids = append(ids, mermaidNodeID(pn.key, n.id))
					}
				}
			}
			ids = append(ids, "legend_"+jurLabel(c))
			fmt.Fprintf(b, "    class %s %s\n", strings.Join(ids, ","), classOf(c))
		}
	}
	for _, s := range styles {
		b.WriteString(s + "\n")
	}
}

func writeMermaidNode(b *strings.Builder, indent, key string, n node) {
	open, close := mermaidShape(n.kind)
	fmt.Fprintf(b, "%s%s%s%s%s\n", indent, mermaidNodeID(key, n.id), open, mermaidText(n.name), close)
}
