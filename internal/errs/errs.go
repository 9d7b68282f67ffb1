// Package errs takes apart joined errors.
package errs

// Flatten returns the errors joined in err (by [errors.Join] or any error
// with an Unwrap() []error method), depth first, with nested joins opened
// too; a plain error gives itself alone and nil gives nil.
func Flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Flatten(e)...)
		}
		return out
	}
	return []error{err}
}
