package phrase

import (
	"testing"

	"counterpoint/internal/claims"
)

// Every relation kind has a passive form and a meaning, so a kind added to
// the model without them is noticed.
func TestEveryKindIsSaid(t *testing.T) {
	want := map[string]string{
		"rebuts": "rebutted", "denies": "denied", "contradicts": "contradicted",
		"qualifies": "qualified", "supports": "supported", "responds": "answered",
		"restates": "restated",
	}
	for _, k := range claims.RelationKinds {
		if got := Passive(k); got != want[k] {
			t.Errorf("Passive(%q) = %q, want %q", k, got, want[k])
		}
		if Meaning(k) == "" {
			t.Errorf("Meaning(%q) is empty", k)
		}
	}
	if len(claims.RelationKinds) != len(want) {
		t.Errorf("the model has %d relation kinds, this test knows %d", len(claims.RelationKinds), len(want))
	}
}

func TestCount(t *testing.T) {
	for _, r := range []struct {
		n    int
		want string
	}{{0, "0 claims"}, {1, "1 claim"}, {2, "2 claims"}} {
		if got := Count(r.n, "claim"); got != r.want {
			t.Errorf("Count(%d) = %q, want %q", r.n, got, r.want)
		}
	}
}
