package errs

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFlatten(t *testing.T) {
	a, b, c := errors.New("a"), errors.New("b"), errors.New("c")
	wrapped := fmt.Errorf("x: %w", errors.Join(a, b))
	tests := []struct {
		name string
		in   error
		want []error
	}{
		{"nil", nil, nil},
		{"plain", a, []error{a}},
		{"a wrapped join stays whole", wrapped, []error{wrapped}},
		{"joined", errors.Join(a, b), []error{a, b}},
		{"nested joins in order", errors.Join(a, errors.Join(b, c)), []error{a, b, c}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Flatten(tt.in))
		})
	}
}
