package regulator

import "github.com/dealscape/dealscape/parties"

// Truth is the three-valued result of a condition; it is [parties.Truth].
type Truth = parties.Truth

// The three truth values, as in package parties.
const (
	Holds = parties.Holds
	Fails = parties.Fails
	Open  = parties.Open
)
