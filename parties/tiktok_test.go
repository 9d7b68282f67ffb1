package parties_test

import (
	"testing"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// tiktokGlobal builds the proposed TikTok Global of September 2020 with
// ByteDance's shareholders as published (see ../shared/facts/tiktok.md).
func tiktokGlobal(t testing.TB) *parties.Register {
	t.Helper()
	us, cn, ky := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN"), parties.MustJurisdiction("KY")
	reg, err := parties.New([]parties.Party{
		{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: ky, Headquarters: cn},
		{ID: "us-investors", Name: "US institutional investors", Kind: parties.Fund, Jurisdiction: us, Headquarters: us},
		{ID: "other-investors", Name: "Other global investors", Kind: parties.Fund},
		{ID: "founders", Name: "Founders", Kind: parties.Person, Jurisdiction: cn, Headquarters: cn},
		{ID: "employees", Name: "Employees", Kind: parties.Consortium, Jurisdiction: cn, Headquarters: cn},
		{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us},
		{ID: "walmart", Name: "Walmart", Jurisdiction: us, Headquarters: us},
		{ID: "tiktok-global", Name: "TikTok Global", Jurisdiction: us, Headquarters: us},
	}, []parties.Stake{
		{Holder: "bytedance", Subject: "tiktok-global", Economic: parties.Exact(d("0.8"))},
		{Holder: "oracle", Subject: "tiktok-global", Economic: parties.Exact(d("0.125"))},
		{Holder: "walmart", Subject: "tiktok-global", Economic: parties.Exact(d("0.075"))},
		{Holder: "founders", Subject: "bytedance", Economic: parties.Exact(d("0.2"))},
		{Holder: "employees", Subject: "bytedance", Economic: parties.Exact(d("0.2"))},
		{Holder: "us-investors", Subject: "bytedance", Economic: parties.Between(d("0.40"), d("0.41"))},
		{Holder: "other-investors", Subject: "bytedance", Economic: parties.Between(d("0.19"), d("0.20"))},
	})
	require.NoError(t, err)
	return reg
}

func TestTikTokGlobalUSShare(t *testing.T) {
	reg := tiktokGlobal(t)
	usPersons := parties.In(parties.MustJurisdiction("US"), parties.Seat)
	direct, err := reg.OwnedBy("tiktok-global", usPersons, parties.Direct())
	require.NoError(t, err)
	require.True(t, direct.Share.Equal(parties.Exact(d("0.2"))), "direct: %s", direct.Share)
	look, err := reg.OwnedBy("tiktok-global", usPersons, parties.Proportional())
	require.NoError(t, err)
	require.True(t, look.Share.Equal(parties.Between(d("0.52"), d("0.528"))), "look-through: %s", look.Share)
	require.Equal(t, "52.0%–52.8%", look.Share.String())
	owners, err := reg.UltimateOwners("tiktok-global", nil)
	require.NoError(t, err)
	var ids []parties.ID
	for _, o := range owners {
		ids = append(ids, o.Party)
	}
	// By upper end: US investors 32.8%, then employees and founders 16%
	// each (20% of 80%), other investors 16.0% at most, Oracle, Walmart.
	require.Equal(t, []parties.ID{"us-investors", "employees", "founders", "other-investors", "oracle", "walmart"}, ids)
	require.True(t, owners[0].Share.Equal(parties.Between(d("0.32"), d("0.328"))), "us-investors: %s", owners[0].Share)
	ctl, err := reg.Controllers("tiktok-global", parties.Threshold{})
	require.NoError(t, err)
	require.Len(t, ctl, 1)
	require.Equal(t, parties.ID("bytedance"), ctl[0].Party)
	require.Equal(t, parties.Holds, ctl[0].Controls)
	x, err := reg.Explain("tiktok-global", "us-investors", parties.Proportional())
	require.NoError(t, err)
	require.Len(t, x.Paths, 1)
	require.Equal(t, "us-investors -(40%–41%)-> bytedance -(80%)-> tiktok-global = 32.0%–32.8%", x.Paths[0].String())
	require.True(t, x.Remainder.Equal(parties.Exact(d("0"))), "remainder %s", x.Remainder)
}
