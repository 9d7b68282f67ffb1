package iso3166

import "testing"

func TestCount(t *testing.T) {
	if Count() != 249 {
		t.Fatalf("%d", Count())
	}
	if len(EU) != 27 {
		t.Fatal(len(EU))
	}
	for _, c := range EU {
		if !Assigned(c) {
			t.Fatal(c)
		}
	}
}
