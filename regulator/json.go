package regulator

import "encoding/json"

type jsonEvaluation struct {
	Truth       Truth        `json:"truth"`
	Text        string       `json:"text"`
	Parts       []Evaluation `json:"parts,omitempty"`
	Mitigations []string     `json:"mitigations,omitempty"`
	Discretion  []string     `json:"discretion,omitempty"`
}

// MarshalJSON writes {"truth": "holds"|"fails"|"open", "text", "parts",
// "mitigations", "discretion"}, leaving out empty lists.
func (e Evaluation) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonEvaluation(e))
}

type jsonAssessment struct {
	Gate        string      `json:"gate"`
	InForce     bool        `json:"in_force"`
	Applies     Truth       `json:"applies"`
	Trigger     *Evaluation `json:"trigger,omitempty"`
	Test        *Evaluation `json:"test,omitempty"`
	Decisions   []Decision  `json:"decisions"`
	Mitigations []string    `json:"mitigations,omitempty"`
	Text        string      `json:"text"`
}

// MarshalJSON writes {"gate", "in_force", "applies", "trigger", "test",
// "decisions", "mitigations", "text"}; trigger and test are left out where
// they were not evaluated.
func (a Assessment) MarshalJSON() ([]byte, error) {
	j := jsonAssessment{Gate: a.Gate, InForce: a.InForce, Applies: a.Applies, Decisions: a.Decisions, Mitigations: a.Mitigations, Text: a.Text}
	if a.Trigger.Text != "" {
		t := a.Trigger
		j.Trigger = &t
	}
	if a.Test.Text != "" {
		t := a.Test
		j.Test = &t
	}
	if j.Decisions == nil {
		j.Decisions = []Decision{}
	}
	return json.Marshal(j)
}
