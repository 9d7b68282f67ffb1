package regulator_test

import (
	"testing"
	"time"

	"github.com/dealscape/dealscape/regulator"
	"github.com/dealscape/dealscape/regulator/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDeadlines(t *testing.T) {
	tests := []struct {
		name             string
		spec             regulator.DeadlineSpec
		extendable       regulator.Truth
		earliest, latest time.Time
		text             string
	}{
		{
			// 2020-11-12 + 30 days: 18 days to the end of November and
			// 12 into December.
			name: "divestiture order, extendable by CFIUS",
			spec: regulator.DeadlineSpec{
				ID:          "musically-divestiture",
				Name:        "Musical.ly divestiture order",
				Basis:       regulator.LegalBasis{Instrument: "Order of August 14, 2020 (85 FR 51297)", Section: "section 721, 50 U.S.C. 4565"},
				Date:        date(2020, 11, 12),
				Consequence: "divestiture of TikTok's US assets and US user data",
				Extension:   regulator.Extension{Up: calendar.Days(30), By: "CFIUS"},
			},
			extendable: Open,
			earliest:   date(2020, 11, 12),
			latest:     date(2020, 12, 12),
			text: "Musical.ly divestiture order on 2020-11-12 (Order of August 14, 2020 (85 FR 51297), section 721, 50 U.S.C. 4565): " +
				"divestiture of TikTok's US assets and US user data; may be extended by CFIUS by up to 30 calendar days to 2020-12-12",
		},
		{
			// 2025-01-19 + 90 days: 12 to the end of January, 28 in
			// February, 31 in March and 19 in April.
			name: "PAFACA, a possible presidential extension",
			spec: regulator.DeadlineSpec{
				ID:          "pafaca",
				Name:        "PAFACA prohibitions",
				Basis:       regulator.LegalBasis{Instrument: "Protecting Americans from Foreign Adversary Controlled Applications Act", Section: "Pub. L. 118-50, div. H"},
				Date:        date(2025, 1, 19),
				Consequence: "prohibition of distribution and hosting",
				Extension:   regulator.Extension{Up: calendar.Days(90), By: "the President"},
			},
			extendable: Open,
			earliest:   date(2025, 1, 19),
			latest:     date(2025, 4, 19),
			text: "PAFACA prohibitions on 2025-01-19 (Protecting Americans from Foreign Adversary Controlled Applications Act, Pub. L. 118-50, div. H): " +
				"prohibition of distribution and hosting; may be extended by the President by up to 90 calendar days to 2025-04-19",
		},
		{
			name: "EO 13942, enjoinable, no extension",
			spec: regulator.DeadlineSpec{
				ID:          "eo-13942",
				Name:        "EO 13942 prohibitions",
				Basis:       regulator.LegalBasis{Instrument: "Executive Order 13942"},
				Date:        date(2020, 9, 20),
				Consequence: "prohibition of transactions with ByteDance",
				Enjoinable:  true,
			},
			extendable: Fails,
			earliest:   date(2020, 9, 20),
			latest:     date(2020, 9, 20),
			text:       "EO 13942 prohibitions on 2020-09-20 (Executive Order 13942): prohibition of transactions with ByteDance; may be enjoined",
		},
		{
			// A certain extension of 10 US working days from Friday 20
			// November 2020: Mon 23 .. Wed 25 (3), Thanksgiving skipped,
			// Fri 27 (4), Mon 30 (5), Tue 1 .. Fri 4 (9), Mon 7 (10).
			name: "a certain extension in working days",
			spec: regulator.DeadlineSpec{
				ID:        "automatic",
				Date:      time.Date(2020, 11, 20, 17, 0, 0, 0, time.UTC),
				Extension: regulator.Extension{Up: calendar.WorkingDays(10), Calendar: calendar.US(), Certain: true, By: "statute"},
			},
			extendable: Holds,
			earliest:   date(2020, 12, 7),
			latest:     date(2020, 12, 7),
			text:       "automatic on 2020-11-20; extended by statute by 10 working days to 2020-12-07",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dl, err := regulator.NewDeadline(tc.spec)
			require.NoError(t, err)
			assert.Equal(t, tc.spec.ID, dl.ID())
			assert.Equal(t, tc.extendable, dl.Extendable())
			assert.Equal(t, tc.earliest, dl.Earliest())
			assert.Equal(t, tc.latest, dl.Latest())
			assert.Equal(t, tc.text, dl.String())
			assert.Equal(t, tc.spec.Enjoinable, dl.Enjoinable())
			assert.Equal(t, tc.spec.Consequence, dl.Consequence())
			assert.Equal(t, tc.spec.Basis, dl.Basis())
			assert.Equal(t, tc.spec.Extension, dl.Extension())
			y, m, day := tc.spec.Date.Date()
			assert.Equal(t, date(y, m, day), dl.Date(), "only the date counts")
			assert.Equal(t, date(y, m, day), dl.Spec().Date, "the spec keeps the date only")
		})
	}
	assert.Equal(t, "automatic", regulator.MustDeadline(regulator.DeadlineSpec{ID: "automatic", Date: date(2020, 1, 1)}).Name())
}

func TestNewDeadlineProblems(t *testing.T) {
	_, err := regulator.NewDeadline(regulator.DeadlineSpec{Name: "divestiture order", Extension: regulator.Extension{Up: calendar.Days(-30)}})
	fes := fieldErrors(t, err)
	require.Len(t, fes, 3)
	for _, fe := range fes {
		assert.Equal(t, "deadline", fe.Kind)
	}
	assert.Equal(t, "id", fes[0].Field)
	assert.Contains(t, fes[0].Error(), `deadline named "divestiture order"`)
	assert.ErrorIs(t, fes[0], regulator.ErrMissing)
	assert.Equal(t, "date", fes[1].Field)
	assert.ErrorIs(t, fes[1], regulator.ErrMissing)
	assert.Equal(t, "extension.up", fes[2].Field)
	assert.ErrorIs(t, fes[2], regulator.ErrExtension)
	assert.ErrorIs(t, fes[2], calendar.ErrNegativeLength)

	// An extension the calendar cannot count.
	_, err = regulator.NewDeadline(regulator.DeadlineSpec{ID: "far", Date: date(2150, 1, 1),
		Extension: regulator.Extension{Up: calendar.WorkingDays(10), Calendar: calendar.US()}})
	fes = fieldErrors(t, err)
	require.Len(t, fes, 1)
	assert.Equal(t, "far", fes[0].ID)
	assert.Equal(t, "extension.up", fes[0].Field)
	assert.ErrorIs(t, err, regulator.ErrExtension)
	assert.ErrorIs(t, err, calendar.ErrNotCovered)

	assert.Panics(t, func() { regulator.MustDeadline(regulator.DeadlineSpec{}) })
}
