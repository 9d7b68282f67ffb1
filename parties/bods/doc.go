// Package bods reads and writes ownership data in the Beneficial Ownership
// Data Standard (BODS): [Import] turns a JSON array of BODS statements into
// a [parties.Register], and [Export] writes a register back as BODS 0.4.
//
//	res, err := bods.Import(f, nil)
//	if err != nil {
//		return err // every problem, each naming its statement
//	}
//	owners, err := res.Register.UltimateOwners("ent-93c75c87ab28f889", nil)
//
// # Versions
//
// Import reads BODS 0.4 records (statements with recordId, recordType
// entity, person or relationship, and recordDetails) and BODS 0.2 and 0.3
// statements (entityStatement, personStatement and
// ownershipOrControlStatement, with statementID, subject and interestedParty
// given by describedByEntityStatement or describedByPersonStatement, or an
// unspecified interested party). Each statement is read in the layout it
// has; a file may mix both. A party's ID is its record ID (0.4) or the
// statement ID of its entity or person statement (0.2/0.3).
//
// # Fields read
//
// Import reads these fields, and only these: a statement that breaks one of
// them (missing where required, of the wrong JSON type, or with a value the
// standard does not allow) is rejected with a [*StatementError] naming the
// statement and the field. Every other field is skipped unread, whatever it
// holds.
//
//   - Every statement: statementId (0.4) or statementID (0.2/0.3), 32 to 64
//     characters; statementDate (a date or date-time; required in 0.4);
//     recordId, recordType, recordStatus and recordDetails (0.4);
//     statementType and replacesStatements (0.2/0.3); source.type,
//     source.url (an absolute URI) and source.description.
//   - Entities: entityType (type and subtype in 0.4, with the subtypes each
//     type allows; a string in 0.2/0.3), name, jurisdiction.code,
//     addresses[].type and addresses[].country (country.code in 0.4),
//     unspecifiedEntityDetails.reason.
//   - Persons: personType, names[].fullName, names[].givenName,
//     names[].familyName, nationalities[].code, addresses[].type,
//     addresses[].country, unspecifiedPersonDetails.reason.
//   - Relationships: subject and interestedParty (a record ID, or an
//     unspecified record's reason; in 0.2/0.3 describedByEntityStatement,
//     describedByPersonStatement or unspecified.reason), and of each interest
//     type, directOrIndirect (interestLevel in 0.2), beneficialOwnershipOrControl,
//     details, share.exact, share.minimum, share.maximum,
//     share.exclusiveMinimum, share.exclusiveMaximum, startDate and endDate.
//
// Country and jurisdiction codes must be ISO 3166-1 alpha-2 codes; an ISO
// 3166-2 subdivision code ("US-DE") counts as its country, since a
// [parties.Jurisdiction] is a country.
//
// # Parties
//
// Entity types map to kinds: registeredEntity and legalEntity to
// [parties.Company], arrangement to [parties.Consortium], state and
// stateBody to [parties.State], anonymousEntity and unknownEntity to
// [parties.Unknown]; knownPerson to [parties.Person], anonymousPerson and
// unknownPerson to [parties.Unknown]. The reason of unspecifiedEntityDetails
// or unspecifiedPersonDetails becomes the Unknown party's Reason. An
// unspecified subject or interested party of a relationship becomes a party
// of Kind Unknown with its reason, tagged [TagUnspecified], whose ID is the
// relationship's record ID (0.4) or statement ID (0.2/0.3) followed by
// "/subject" or "/interestedParty". Each party is tagged "bods:" followed by
// its entity type, entity subtype or person type.
//
// An entity's jurisdiction code becomes its Jurisdiction, and the country of
// its business address (else of its registered address) its Headquarters; a
// person's first nationality becomes its Jurisdiction and the country of its
// residence address its Headquarters. The statement's source becomes the
// party's Source: its URL, its description as the Note, the statement date
// as the Date, and Confirmed for an officialRegister or verified source,
// Reported for the other source types.
//
// # Stakes and control facts
//
// A shareholding interest becomes a [parties.Stake] with that Economic
// share, and a votingRights interest a stake with that Voting share; a
// shareholding and a votingRights interest of the same relationship
// statement with the same start date, end date and details make one stake
// with both. A voting interest alone gives a stake whose Economic share is
// exactly 0 (the register counts only declared shareholdings as economic
// interest); a shareholding alone leaves Voting unset, which the register
// reads as equal to Economic. An interest with no share is the range
// 0–100%. The interest's startDate and endDate become the stake's From and
// Until.
//
// Every other interest is kept in [Result.Controls] as a [ControlFact]:
// board appointments and memberships, control by contract, articles or law,
// the roles of trusts and nominations, interests of unknown type,
// relationships declaring no interests, and shareholdings and voting rights
// held indirectly (directOrIndirect "indirect"): the register computes
// indirect holdings by looking through, so adding declared indirect figures
// as stakes would count them twice.
//
// # Shares
//
// Shares are percentages from 0 to 100; each becomes an exact fraction of 1
// ([decimal.Decimal.Shift] by -2, never through floating point). A share
// gives exact, or a range from minimum (0 if not given) to maximum (100 if
// not given). In 0.4 exclusiveMinimum and exclusiveMaximum are bounds in
// their own right (where both kinds are given the tighter counts); in 0.2
// and 0.3 they are flags on minimum and maximum, by default false for the
// minimum and true for the maximum. The library's shares are closed
// intervals, so an exclusive bound becomes the same inclusive bound: the
// register keeps the closure of the range, the smallest closed interval
// holding every share the data allows. "More than 25%, at most 50%" is thus
// [0.25, 0.50]; a threshold test exactly at an exclusive bound then comes
// out [parties.Open] rather than decided. A share outside 0–100, a minimum
// above the maximum, an empty range, or an exact share outside the range
// also given is an error naming the statement.
//
// # Record history
//
// Several statements may describe one record (0.4: the same recordId; 0.2
// and 0.3: a statement and those whose replacesStatements lead back to it).
// For a person or entity the latest statement (by statement date, then by
// position in the input) wins. For a relationship the statements are applied
// in that order, interest by interest: an interest repeated unchanged runs
// on (taking an end date if the later statement adds one); an interest that
// changes or disappears ends, and a new one starts, on the day the change
// takes effect. That day is the earliest start date of the statement's new
// interests that lies after the previous statement's date and not after its
// own; failing that, the latest interest date declared by any relationship
// statement of the same day in that window (the change it was declared
// with); failing that, the statement's own date. A statement with
// recordStatus "closed" ends the record's interests on their end dates or,
// where none is given, on that day. So the register holds every stake with
// the dates it held, and [ImportOptions.AsOf] gives the register as of a
// date.
//
// # References
//
// A relationship that refers to a record (0.4) or statement (0.2/0.3) not
// in the input is an error wrapping [ErrMissingRecord], unless
// [ImportOptions.AllowMissing] makes it a placeholder; a subject that is a
// person is an error. Problems the register finds when it is built (holders
// adding up to more than 100%, a party holding itself, end dates before
// start dates) are reported as [*StatementError] values naming a statement
// behind them, wrapping the error of package parties.
//
// # Streaming
//
// Import reads its input once, one statement at a time, with a small JSON
// tokenizer of its own (encoding/json's Decoder is too slow for the
// throughput wanted on a million statements), and keeps of each statement
// only what the register needs. Ill-formed JSON stops reading with an error
// wrapping [ErrSyntax]; every other problem is collected and reported
// together with [errors.Join].
package bods
