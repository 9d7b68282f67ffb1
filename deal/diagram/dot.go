package diagram

import (
	"fmt"
	"strings"

	"github.com/dealscape/dealscape/parties"
)

// Synthetic DOT nodes (notes, the legend) have identifiers that start with a
// single backslash followed by a letter, which [dotID] never writes for a
// party (it doubles every backslash), so they cannot collide with one.

// dotNodeID returns the identifier of party id in the panel with key.
func dotNodeID(key string, id parties.ID) string {
	if key == "" {
		return dotID(string(id))
	}
	return dotID(key + ":" + string(id))
}

// dotShape returns the shape and style attributes of a kind of party.
func dotShape(k parties.Kind) string {
	switch k {
	case parties.Fund:
		return `shape=folder, style=filled`
	case parties.State:
		return `shape=house, style=filled`
	case parties.Person:
		return `shape=ellipse, style=filled`
	case parties.Consortium:
		return `shape=box3d, style=filled`
	case parties.Unknown:
		return `style="rounded,filled,dashed"`
	}
	return ""
}

// writeDOT writes the panels as one DOT digraph: a single panel with no
// key at the top level, several panels as clusters side by side.
func writeDOT(b *strings.Builder, title string, pns []panel, grouping Grouping) {
	codes, colour := colours(pns)
	b.WriteString("digraph ownership {\n")
	b.WriteString("\tgraph [fontname=\"Helvetica\", newrank=true")
	if title != "" {
		fmt.Fprintf(b, ", labelloc=t, fontsize=16, label=%s", dotLabel(title))
	}
	b.WriteString("];\n")
	b.WriteString("\tnode [fontname=\"Helvetica\", shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\"];\n")
	b.WriteString("\tedge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, pn := range pns {
		indent := "\t"
		if pn.key != "" {
			fmt.Fprintf(b, "\tsubgraph %s {\n", dotID("cluster_"+pn.key))
			fmt.Fprintf(b, "\t\tlabel=%s;\n\t\tstyle=rounded;\n\t\tcolor=\"#444444\";\n", dotLabel(pn.label))
			indent = "\t\t"
		}
		if pn.note != "" {
			fmt.Fprintf(b, "%s\"\\note%s\" [label=%s, shape=plaintext, style=\"\"];\n", indent, pn.key, dotLabel(pn.note))
		}
		if grouping == GroupByJurisdiction {
			for _, g := range pn.groups() {
				name := "cluster_" + jurLabel(g.jur)
				if pn.key != "" {
					name = "cluster_" + pn.key + "_" + jurLabel(g.jur)
				}
				fmt.Fprintf(b, "%ssubgraph %s {\n", indent, dotID(name))
				fmt.Fprintf(b, "%s\tlabel=%s;\n%s\tstyle=\"rounded,filled\";\n%s\tfillcolor=%q;\n%s\tcolor=\"#666666\";\n",
					indent, dotLabel(jurLabel(g.jur)), indent, indent, colour[g.jur], indent)
				for _, n := range g.nodes {
					writeDOTNode(b, indent+"\t", pn.key, n, "")
				}
				fmt.Fprintf(b, "%s}\n", indent)
			}
		} else {
			for _, n := range pn.nodes {
				fill := ""
				if grouping == ColourByJurisdiction {
					fill = colour[n.jur]
				}
				writeDOTNode(b, indent, pn.key, n, fill)
			}
		}
		if pn.key != "" {
			b.WriteString("\t}\n")
		}
	}
	for _, pn := range pns {
		for _, a := range pn.arrows {
			fmt.Fprintf(b, "\t%s -> %s [label=%s", dotNodeID(pn.key, a.holder), dotNodeID(pn.key, a.subject), dotLabel(a.label()))
			if a.ranged() {
				b.WriteString(", style=dashed")
			}
			b.WriteString("];\n")
		}
	}
	if grouping == ColourByJurisdiction && len(codes) > 0 {
		b.WriteString("\tsubgraph \"cluster_legend\" {\n\t\tlabel=\"jurisdictions\";\n\t\tstyle=rounded;\n\t\tcolor=\"#999999\";\n")
		b.WriteString("\t\trank=same;\n")
		ids := make([]string, len(codes))
		for i, c := range codes {
			ids[i] = fmt.Sprintf("\"\\legend %s\"", jurLabel(c))
			fmt.Fprintf(b, "\t\t%s [label=%s, fillcolor=%q];\n", ids[i], dotLabel(jurLabel(c)), colour[c])
		}
		if len(ids) > 1 {
			// Invisible edges keep the entries in code order.
			fmt.Fprintf(b, "\t\t%s [style=invis];\n", strings.Join(ids, " -> "))
		}
		b.WriteString("\t}\n")
	}
	b.WriteString("}\n")
}

func writeDOTNode(b *strings.Builder, indent, key string, n node, fill string) {
	fmt.Fprintf(b, "%s%s [label=%s", indent, dotNodeID(key, n.id), dotLabel(n.name))
	if s := dotShape(n.kind); s != "" {
		b.WriteString(", " + s)
	}
	if fill != "" {
		fmt.Fprintf(b, ", fillcolor=%q", fill)
	}
	b.WriteString("];\n")
}
