package regimes

import (
	"time"

	"github.com/dealscape/dealscape/parties"
	"github.com/dealscape/dealscape/regulator"
	"github.com/shopspring/decimal"
)

// Names of the deal terms ([regulator.Terms]) the presets' conditions read.
// Amounts are numbers in the currency the name ends with; a term a rule
// needs but the deal does not give makes that rule fail, with the reason.
const (
	// TermValueUSD is the value of the transaction in US dollars (HSR size
	// of transaction).
	TermValueUSD = "value-usd"
	// TermAcquirerSizeUSD and TermTargetSizeUSD are the annual net sales or
	// total assets, whichever is larger, of the acquiring and acquired
	// persons in US dollars (HSR size of person).
	TermAcquirerSizeUSD = "acquirer-size-usd"
	TermTargetSizeUSD   = "target-size-usd"
	// TermDataCustodian is the ID of the party that is to hold the target's
	// user data (a trusted third party for CFIUS mitigation).
	TermDataCustodian = "data-custodian"
	// TermProxyBoard is a yes/no term: the deal offers a proxy board or
	// voting trust.
	TermProxyBoard = "proxy-board"
	// TermOperationalRelationship is a yes/no term: after the deal an
	// operational relationship (such as cooperation on a content
	// recommendation algorithm or data sharing) remains with the former
	// foreign-adversary owner (PAFACA qualified divestiture).
	TermOperationalRelationship = "operational-relationship"
	// TermTechnologyExports is a set term: the items of China's Catalogue of
	// Technologies Prohibited or Restricted from Export (by code or name)
	// that the deal transfers out of China.
	TermTechnologyExports = "technology-exports"
	// TermCombinedWorldwideTurnoverCNY and TermCombinedChinaTurnoverCNY are
	// the parties' combined turnover, worldwide and in China, in yuan.
	TermCombinedWorldwideTurnoverCNY = "combined-worldwide-turnover-cny"
	TermCombinedChinaTurnoverCNY     = "combined-china-turnover-cny"
	// TermAcquirerChinaTurnoverCNY and TermTargetChinaTurnoverCNY are the
	// turnover in China of the acquirer's and the target's groups, in yuan.
	TermAcquirerChinaTurnoverCNY = "acquirer-china-turnover-cny"
	TermTargetChinaTurnoverCNY   = "target-china-turnover-cny"
	// TermCombinedWorldwideTurnoverEUR is the parties' combined worldwide
	// turnover in euros.
	TermCombinedWorldwideTurnoverEUR = "combined-worldwide-turnover-eur"
	// TermAcquirerEUTurnoverEUR and TermTargetEUTurnoverEUR are the EU-wide
	// turnover of the acquirer and of the target in euros.
	TermAcquirerEUTurnoverEUR = "acquirer-eu-turnover-eur"
	TermTargetEUTurnoverEUR   = "target-eu-turnover-eur"
	// TermValueAUD is the value of the acquisition in Australian dollars
	// (FIRB monetary thresholds).
	TermValueAUD = "value-aud"
	// TermValueNZD is the value of the business assets in New Zealand
	// dollars (significant business assets).
	TermValueNZD = "value-nzd"
	// TermSensitiveLand is a yes/no term: the deal includes sensitive land in
	// New Zealand.
	TermSensitiveLand = "sensitive-land"
)

var (
	one = decimal.NewFromInt(1)

	jurUS = parties.MustJurisdiction("US")
	jurCN = parties.MustJurisdiction("CN")
	jurRU = parties.MustJurisdiction("RU")
	jurIR = parties.MustJurisdiction("IR")
	jurKP = parties.MustJurisdiction("KP")
	jurEU = parties.MustJurisdiction("EU")
	jurGB = parties.MustJurisdiction("GB")
	jurDE = parties.MustJurisdiction("DE")
	jurCA = parties.MustJurisdiction("CA")
	jurAU = parties.MustJurisdiction("AU")
	jurNZ = parties.MustJurisdiction("NZ")
	jurJP = parties.MustJurisdiction("JP")
)

// ForeignAdversaries returns the group of "foreign adversary" countries
// named by 10 U.S.C. 4872(d)(2), which PAFACA adopts: China, Russia, Iran and
// North Korea. Source:
// https://legalclarity.org/key-provisions-of-the-foreign-adversary-controlled-applications-act
// (secondary). A forum post that adds Cuba and Venezuela conflicts with the
// statute and is not followed.
func ForeignAdversaries() parties.Group {
	return parties.NewGroup("foreign adversaries (10 U.S.C. 4872)", jurCN, jurRU, jurIR, jurKP)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// pct returns the threshold op p%.
func pct(op parties.Comparison, p int64) parties.Threshold {
	return parties.Threshold{Op: op, Value: decimal.New(p, -2)}
}

// orThreshold returns t, or def where t is the zero Threshold, which
// options take to mean the default.
func orThreshold(t, def parties.Threshold) parties.Threshold {
	if t.Op == parties.AtLeast && t.Value.IsZero() {
		return def
	}
	return t
}

// orPredicate returns p, or def where p is the zero Predicate.
func orPredicate(p, def parties.Predicate) parties.Predicate {
	if p.Name() == "" {
		return def
	}
	return p
}

// orAmount returns d, or def where d is zero.
func orAmount(d, def decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return def
	}
	return d
}

// foreignTo matches parties neither incorporated nor headquartered in j
// (or within the bloc j); parties whose jurisdiction is not known count as
// foreign.
func foreignTo(j parties.Jurisdiction, name string) parties.Predicate {
	return parties.Not(parties.In(j, parties.Either)).WithName(name)
}

// located holds where the party entity (empty: the target) is incorporated
// or headquartered in j.
func located(entity parties.ID, j parties.Jurisdiction) regulator.Condition {
	return regulator.PartyIs(entity, parties.In(j, parties.Either))
}

// fact turns a fact the options give as a three-valued [parties.Truth] into
// a condition named name, described as what holds.
func fact(name string, t parties.Truth, what string) regulator.Condition {
	var text string
	switch t {
	case parties.Holds:
		text = what + " (as the options state)"
	case parties.Fails:
		text = "not " + what + " (as the options state)"
	default:
		text = "whether " + what + " is not given"
	}
	return regulator.Named(name, regulator.Const(t, text))
}

// choice is the usual clearance test of a screening authority: it clears
// at its discretion, or clears subject to one of the mitigations at its
// discretion, or blocks.
func choice(clearID, clearText, mitigateID, mitigateText string, ms ...regulator.Mitigation) regulator.Condition {
	cs := make([]regulator.Condition, len(ms))
	for i, m := range ms {
		cs[i] = regulator.Requires(m)
	}
	return regulator.Or(
		regulator.Discretion(clearID, clearText),
		regulator.And(regulator.Discretion(mitigateID, mitigateText), regulator.Or(cs...)),
	)
}
