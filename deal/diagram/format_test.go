package diagram_test

import (
	"testing"

	"github.com/dealscape/dealscape/deal/diagram"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatText(t *testing.T) {
	for _, f := range []diagram.Format{diagram.DOT, diagram.Mermaid} {
		b, err := f.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, f.String(), string(b))
		var back diagram.Format
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, f, back)
	}
	assert.Equal(t, "dot", diagram.DOT.String())
	assert.Equal(t, "mermaid", diagram.Mermaid.String())
	var f diagram.Format
	assert.Error(t, f.UnmarshalText([]byte("svg")))
	assert.Error(t, f.UnmarshalText([]byte("DOT")), "names are case-sensitive")
	_, err := diagram.Format(9).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Format(9)", diagram.Format(9).String())
}

func TestGroupingText(t *testing.T) {
	for _, g := range []diagram.Grouping{diagram.GroupByJurisdiction, diagram.ColourByJurisdiction, diagram.NoGrouping} {
		b, err := g.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, g.String(), string(b))
		var back diagram.Grouping
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, g, back)
	}
	assert.Equal(t, []string{"group", "colour", "none"},
		[]string{diagram.GroupByJurisdiction.String(), diagram.ColourByJurisdiction.String(), diagram.NoGrouping.String()})
	var g diagram.Grouping
	assert.Error(t, g.UnmarshalText([]byte("color")))
	_, err := diagram.Grouping(-1).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Grouping(-1)", diagram.Grouping(-1).String())
}
