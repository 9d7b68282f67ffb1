package parties_test

import (
	"errors"
	"fmt"

	"github.com/dealscape/dealscape/parties"
	"github.com/shopspring/decimal"
)

// tiktok builds the proposed TikTok Global of September 2020: ByteDance 80%,
// Oracle 12.5%, Walmart 7.5%, with ByteDance's shareholders as published
// (US investors about 40%–41%).
func tiktok() *parties.Register {
	us, cn, ky := parties.MustJurisdiction("US"), parties.MustJurisdiction("CN"), parties.MustJurisdiction("KY")
	var b parties.Builder
	b.AddParty(
		parties.Party{ID: "tiktok-global", Name: "TikTok Global", Jurisdiction: us, Headquarters: us},
		parties.Party{ID: "bytedance", Name: "ByteDance Ltd.", Jurisdiction: ky, Headquarters: cn},
		parties.Party{ID: "oracle", Name: "Oracle", Jurisdiction: us, Headquarters: us},
		parties.Party{ID: "walmart", Name: "Walmart", Jurisdiction: us, Headquarters: us},
		parties.Party{ID: "us-investors", Name: "US institutional investors", Kind: parties.Fund, Jurisdiction: us},
		parties.Party{ID: "other-investors", Name: "Other global investors", Kind: parties.Fund},
		parties.Party{ID: "founders", Name: "Founders", Kind: parties.Person, Jurisdiction: cn},
		parties.Party{ID: "employees", Name: "Employees", Kind: parties.Consortium, Jurisdiction: cn},
	)
	b.AddStake(
		parties.Stake{Holder: "bytedance", Subject: "tiktok-global", Economic: parties.MustParseShare("80%")},
		parties.Stake{Holder: "oracle", Subject: "tiktok-global", Economic: parties.MustParseShare("12.5%"),
			Source: parties.Source{URL: "https://www.oracle.com/news/", Confidence: parties.Reported}},
		parties.Stake{Holder: "walmart", Subject: "tiktok-global", Economic: parties.MustParseShare("7.5%")},
		parties.Stake{Holder: "us-investors", Subject: "bytedance", Economic: parties.MustParseShare("40%–41%")},
		parties.Stake{Holder: "other-investors", Subject: "bytedance", Economic: parties.MustParseShare("19%–20%")},
		parties.Stake{Holder: "founders", Subject: "bytedance", Economic: parties.MustParseShare("20%")},
		parties.Stake{Holder: "employees", Subject: "bytedance", Economic: parties.MustParseShare("20%")},
	)
	r, err := b.Build()
	if err != nil {
		panic(err)
	}
	return r
}

func ExampleBuilder() {
	var b parties.Builder
	b.AddParty(
		parties.Party{ID: "target", Name: "Target Inc."},
		parties.Party{ID: "parent", Name: "Parent plc", Jurisdiction: parties.MustJurisdiction("GB")},
		parties.Party{ID: "founder", Kind: parties.Person},
	)
	b.AddStake(
		parties.Stake{Holder: "parent", Subject: "target", Economic: parties.MustParseShare("60%")},
		parties.Stake{Holder: "founder", Subject: "target", Economic: parties.MustParseShare("0.3"),
			Voting: parties.MustParseShare("40%")},
	)
	r, err := b.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	for s := range r.Holders("target") {
		fmt.Println(s)
	}

	// Every problem is reported at once, each naming the party or stake.
	b.AddStake(
		parties.Stake{Holder: "ghost", Subject: "target", Economic: parties.MustParseShare("5%")},
		parties.Stake{Holder: "founder", Subject: "parent", Economic: parties.Between(decimal.RequireFromString("0.5"), decimal.RequireFromString("0.4"))},
		parties.Stake{Holder: "founder", Subject: "target", Economic: parties.MustParseShare("20%")},
	)
	_, err = b.Build()
	fmt.Println(err)
	var se *parties.StakeError
	if errors.As(err, &se) && errors.Is(err, parties.ErrUnknownParty) {
		fmt.Println("first bad stake:", se.Index)
	}
	// Output:
	// founder holds 30% of target (40% of the votes)
	// parent holds 60% of target
	// parties: stake #2 ("ghost" -> "target"): unknown party: holder "ghost"
	// parties: stake #3 ("founder" -> "parent"): economic share: share range minimum above maximum: minimum 0.5 is above maximum 0.4
	// parties: party "target": holders add up to more than 100%: economic shares held in it total 110% and voting shares 120%
	// first bad stake: 2
}

func ExampleRegister_LookThrough() {
	r := tiktok()
	in, err := r.LookThrough("tiktok-global", parties.Proportional())
	if err != nil {
		panic(err)
	}
	for id, share := range in.All() {
		fmt.Printf("%-16s %s\n", id, share)
	}
	// Output:
	// bytedance        80%
	// employees        16%
	// founders         16%
	// oracle           12.5%
	// other-investors  15.2%–16.0%
	// us-investors     32.0%–32.8%
	// walmart          7.5%
}

func ExampleRegister_OwnedBy() {
	r := tiktok()
	usPersons := parties.In(parties.MustJurisdiction("US"), parties.Seat)
	direct, err := r.OwnedBy("tiktok-global", usPersons, parties.Direct())
	if err != nil {
		panic(err)
	}
	fmt.Println(direct)
	look, err := r.OwnedBy("tiktok-global", usPersons, parties.Proportional())
	if err != nil {
		panic(err)
	}
	fmt.Println(look)
	for _, h := range look.Holders {
		fmt.Printf("  %s %s\n", h.Party, h.Share)
	}
	majority := parties.Threshold{Op: parties.MoreThan, Value: decimal.RequireFromString("0.5")}
	fmt.Println("US majority:", majority.Test(look.Share))
	fmt.Println("more than 52.5%:", parties.Threshold{Op: parties.MoreThan, Value: decimal.RequireFromString("0.525")}.Test(look.Share))

	// ByteDance, headquartered in China, counts whole as a Chinese holder.
	cn, err := r.OwnedBy("tiktok-global", parties.In(parties.MustJurisdiction("CN"), parties.Seat), parties.Proportional())
	if err != nil {
		panic(err)
	}
	fmt.Println(cn)
	// Output:
	// US parties (seat) hold 20% of tiktok-global (direct)
	// US parties (seat) hold 52.0%–52.8% of tiktok-global (proportional)
	//   oracle 12.5%
	//   us-investors 32.0%–32.8%
	//   walmart 7.5%
	// US majority: holds
	// more than 52.5%: open
	// CN parties (seat) hold 80% of tiktok-global (proportional)
}

// Several questions about one subject share the work of collecting the
// part of the register above it.
func ExampleRegister_Above() {
	r := tiktok()
	above, err := r.Above("tiktok-global")
	if err != nil {
		panic(err)
	}
	for _, code := range []string{"US", "CN", "KY"} {
		share, err := above.OwnedShare(parties.In(parties.MustJurisdiction(code), parties.Seat), parties.Proportional())
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s parties (seat) hold %s of %s\n", code, share, above.Subject())
	}
	_, err = r.Above("tiktok-us")
	fmt.Println(errors.Is(err, parties.ErrUnknownParty))
	// Output:
	// US parties (seat) hold 52.0%–52.8% of tiktok-global
	// CN parties (seat) hold 80% of tiktok-global
	// KY parties (seat) hold 0% of tiktok-global
	// true
}

func ExampleRegister_Controllers() {
	// T holds 60% of M and 25% of S; M holds 30% of S.
	r, err := parties.New(
		[]parties.Party{{ID: "s"}, {ID: "m"}, {ID: "t", Kind: parties.Person}, {ID: "u", Kind: parties.Person}},
		[]parties.Stake{
			{Holder: "t", Subject: "m", Economic: parties.MustParseShare("60%")},
			{Holder: "u", Subject: "m", Economic: parties.MustParseShare("40%")},
			{Holder: "t", Subject: "s", Economic: parties.MustParseShare("25%")},
			{Holder: "m", Subject: "s", Economic: parties.MustParseShare("30%")},
		})
	if err != nil {
		panic(err)
	}
	for _, t := range []parties.Threshold{
		parties.Majority,
		{Op: parties.AtLeast, Value: decimal.RequireFromString("0.25")},
	} {
		cs, err := r.Controllers("s", t)
		if err != nil {
			panic(err)
		}
		fmt.Println(t.String() + ":")
		for _, c := range cs {
			fmt.Println(" ", c.Party, c.Controls)
			for _, s := range c.Chain {
				fmt.Println("    ", s)
			}
		}
	}
	// Output:
	// more than 50%:
	//   t holds
	//      t holds 60% of m
	//      t holds 25% of s
	//      m holds 30% of s
	// at least 25%:
	//   m holds
	//      m holds 30% of s
	//   t holds
	//      t holds 25% of s
	//   u holds
	//      u holds 40% of m
	//      m holds 30% of s
}

func ExampleRegister_UltimateOwners() {
	r := tiktok()
	owners, err := r.UltimateOwners("tiktok-global", nil)
	if err != nil {
		panic(err)
	}
	for _, o := range owners {
		fmt.Printf("%-16s %s\n", o.Party, o.Share)
	}
	fmt.Println("at least 25%:")
	owners, err = r.UltimateOwners("tiktok-global", &parties.OwnerOptions{
		Threshold: parties.Threshold{Op: parties.AtLeast, Value: decimal.RequireFromString("0.25")},
	})
	if err != nil {
		panic(err)
	}
	for _, o := range owners {
		fmt.Printf("%-16s %s %s\n", o.Party, o.Share, o.Meets)
	}
	// Output:
	// us-investors     32.0%–32.8%
	// employees        16%
	// founders         16%
	// other-investors  15.2%–16.0%
	// oracle           12.5%
	// walmart          7.5%
	// at least 25%:
	// us-investors     32.0%–32.8% holds
}

func ExampleRegister_Explain() {
	// A and B hold each other: A holds 10% of S and 80% of B; B holds 30%
	// of S and 75% of A; P holds 25% of A.
	r, err := parties.New(
		[]parties.Party{{ID: "s"}, {ID: "a"}, {ID: "b"}, {ID: "p", Kind: parties.Person}},
		[]parties.Stake{
			{Holder: "a", Subject: "s", Economic: parties.MustParseShare("10%")},
			{Holder: "a", Subject: "b", Economic: parties.MustParseShare("80%")},
			{Holder: "b", Subject: "s", Economic: parties.MustParseShare("30%")},
			{Holder: "b", Subject: "a", Economic: parties.MustParseShare("75%")},
			{Holder: "p", Subject: "a", Economic: parties.MustParseShare("25%")},
		})
	if err != nil {
		panic(err)
	}
	x, err := r.Explain("s", "p", parties.Proportional())
	if err != nil {
		panic(err)
	}
	fmt.Println("share:", x.Share)
	for _, p := range x.Paths {
		fmt.Println("path:", p)
	}
	// The walks round the loop A -> B -> A add the rest.
	fmt.Println("remainder:", x.Remainder)

	x, err = tiktok().Explain("tiktok-global", "us-investors", parties.Proportional())
	if err != nil {
		panic(err)
	}
	fmt.Println(x.Paths[0], "remainder", x.Remainder)
	// Output:
	// share: 21.25%
	// path: p -(25%)-> a -(10%)-> s = 2.5%
	// path: p -(25%)-> a -(80%)-> b -(30%)-> s = 6%
	// remainder: 12.75%
	// us-investors -(40%–41%)-> bytedance -(80%)-> tiktok-global = 32.0%–32.8% remainder 0%
}

func ExampleParseShare() {
	for _, s := range []string{"12.5%", "0.125", "40%–41%", "0.40..0.41", "120%", "50%..40%"} {
		sh, err := parties.ParseShare(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		text, _ := sh.MarshalText()
		fmt.Printf("%s: %s, exact %t, stored as %s\n", s, sh, sh.IsExact(), text)
	}
	// Output:
	// 12.5%: 12.5%, exact true, stored as 0.125
	// 0.125: 12.5%, exact true, stored as 0.125
	// 40%–41%: 40%–41%, exact false, stored as 0.4..0.41
	// 0.40..0.41: 40%–41%, exact false, stored as 0.4..0.41
	// parties: parse share "120%": share out of range: 1.2 is outside [0, 1]
	// parties: parse share "50%..40%": share range minimum above maximum: minimum 0.5 is above maximum 0.4
}
