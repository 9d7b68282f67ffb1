package bods

import (
	"fmt"
	"strings"
	"time"

	"github.com/dealscape/dealscape/parties"
)

// InterestType is the type of an interest, from the BODS interestType code
// list. Its value is the 0.4 code, as "votingRights"; the 0.2 and 0.3 codes
// ("voting-rights", "settlor-of-trust", …) are read as their 0.4
// equivalents. The zero InterestType means no type was given.
type InterestType string

// The interest types of BODS 0.4.
const (
	Shareholding                       InterestType = "shareholding"
	VotingRights                       InterestType = "votingRights"
	AppointmentOfBoard                 InterestType = "appointmentOfBoard"
	OtherInfluenceOrControl            InterestType = "otherInfluenceOrControl"
	SeniorManagingOfficial             InterestType = "seniorManagingOfficial"
	Settlor                            InterestType = "settlor"
	Trustee                            InterestType = "trustee"
	Protector                          InterestType = "protector"
	BeneficiaryOfLegalArrangement      InterestType = "beneficiaryOfLegalArrangement"
	RightsToSurplusAssetsOnDissolution InterestType = "rightsToSurplusAssetsOnDissolution"
	RightsToProfitOrIncome             InterestType = "rightsToProfitOrIncome"
	RightsGrantedByContract            InterestType = "rightsGrantedByContract"
	ConditionalRightsGrantedByContract InterestType = "conditionalRightsGrantedByContract"
	ControlViaCompanyRulesOrArticles   InterestType = "controlViaCompanyRulesOrArticles"
	ControlByLegalFramework            InterestType = "controlByLegalFramework"
	BoardMember                        InterestType = "boardMember"
	BoardChair                         InterestType = "boardChair"
	UnknownInterest                    InterestType = "unknownInterest"
	UnpublishedInterest                InterestType = "unpublishedInterest"
	EnjoymentAndUseOfAssets            InterestType = "enjoymentAndUseOfAssets"
	RightToProfitOrIncomeFromAssets    InterestType = "rightToProfitOrIncomeFromAssets"
	Nominee                            InterestType = "nominee"
	Nominator                          InterestType = "nominator"
)

// InterestTypes lists every interest type of BODS 0.4, in code-list order.
var InterestTypes = []InterestType{
	Shareholding, VotingRights, AppointmentOfBoard, OtherInfluenceOrControl, SeniorManagingOfficial,
	Settlor, Trustee, Protector, BeneficiaryOfLegalArrangement, RightsToSurplusAssetsOnDissolution,
	RightsToProfitOrIncome, RightsGrantedByContract, ConditionalRightsGrantedByContract,
	ControlViaCompanyRulesOrArticles, ControlByLegalFramework, BoardMember, BoardChair, UnknownInterest,
	UnpublishedInterest, EnjoymentAndUseOfAssets, RightToProfitOrIncomeFromAssets, Nominee, Nominator,
}

var interestTypes = func() map[string]InterestType {
	m := make(map[string]InterestType, 40)
	for _, t := range InterestTypes {
		m[string(t)] = t
	}
	// The codes of BODS 0.2 and 0.3.
	for old, t := range map[string]InterestType{
		"voting-rights":                           VotingRights,
		"appointment-of-board":                    AppointmentOfBoard,
		"other-influence-or-control":              OtherInfluenceOrControl,
		"senior-managing-official":                SeniorManagingOfficial,
		"settlor-of-trust":                        Settlor,
		"trustee-of-trust":                        Trustee,
		"protector-of-trust":                      Protector,
		"beneficiary-of-trust":                    BeneficiaryOfLegalArrangement,
		"other-influence-or-control-of-trust":     OtherInfluenceOrControl,
		"rights-to-surplus-assets":                RightsToSurplusAssetsOnDissolution,
		"rights-to-surplus-assets-on-dissolution": RightsToSurplusAssetsOnDissolution,
		"rights-to-profit-or-income":              RightsToProfitOrIncome,
		"rights-granted-by-contract":              RightsGrantedByContract,
		"conditional-rights-granted-by-contract":  ConditionalRightsGrantedByContract,
	} {
		m[old] = t
	}
	return m
}()

// ParseInterestType returns the interest type for a BODS code, of 0.4 or of
// 0.2/0.3. An unknown code is an error wrapping [ErrField].
func ParseInterestType(code string) (InterestType, error) {
	if t, ok := interestTypes[code]; ok {
		return t, nil
	}
	return "", fmt.Errorf("%w: unknown interest type %q", ErrField, code)
}

// String returns the 0.4 code, or "" for the zero InterestType.
func (t InterestType) String() string { return string(t) }

// MarshalText implements [encoding.TextMarshaler].
func (t InterestType) MarshalText() ([]byte, error) {
	if t == "" {
		return nil, nil
	}
	if _, ok := interestTypes[string(t)]; !ok || strings.Contains(string(t), "-") {
		return nil, fmt.Errorf("bods: invalid interest type %q", string(t))
	}
	return []byte(t), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with
// [ParseInterestType]; an empty text gives the zero InterestType.
func (t *InterestType) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*t = ""
		return nil
	}
	v, err := ParseInterestType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ControlFact is an interest that the register does not hold as a stake:
// board appointments, control by contract or by the articles, the roles of a
// trust, nominations, interests of unknown type, and shareholdings or voting
// rights held indirectly (the register derives indirect holdings by looking
// through, so adding them as stakes would count them twice).
type ControlFact struct {
	// StatementID is the statement that declared the interest.
	StatementID string
	// RecordID is the relationship's record ID (0.4) or, in 0.2/0.3, the ID
	// of the first statement of the relationship.
	RecordID string
	// Subject is the party the interest is held in.
	Subject parties.ID
	// InterestedParty is the party that holds the interest.
	InterestedParty parties.ID
	// Type is the interest's type; zero if none was given.
	Type InterestType
	// DirectOrIndirect is "direct", "indirect", "unknown", or "" if not
	// given.
	DirectOrIndirect string
	// BeneficialOwnershipOrControl tells whether the statement says the
	// interest makes the interested party a beneficial owner.
	BeneficialOwnershipOrControl bool
	// Share is the share of the interest, as a fraction of 1; the zero
	// Share if none was given.
	Share parties.Share
	// Details is the interest's free-text details.
	Details string
	// From and Until bound the interest in time, as for [parties.Stake].
	From, Until time.Time
}

// String describes the fact, as in "p1 has boardMember in acme (statement
// s1)".
func (f ControlFact) String() string {
	t := string(f.Type)
	if t == "" {
		t = "an interest of unknown type"
	}
	s := fmt.Sprintf("%s has %s", f.InterestedParty, t)
	if f.DirectOrIndirect == "indirect" {
		s = fmt.Sprintf("%s has indirect %s", f.InterestedParty, t)
	}
	if !f.Share.IsZero() {
		s += " of " + f.Share.String()
	}
	return s + fmt.Sprintf(" in %s (statement %s)", f.Subject, f.StatementID)
}
