package bods

// chunkBits sets the size of the chunks of a [chunked] list: 4096 elements.
const chunkBits = 12

// chunked is an append-only list kept in fixed-size chunks. Unlike a slice it
// never copies its elements as it grows, so that a large import does not
// leave behind the discarded arrays of ever larger slices; and a reader that
// is done with a chunk can drop it ([chunked.release]) while reading on.
type chunked[T any] struct {
	chunks [][]T
	n      int
}

// add appends v and returns its index.
func (c *chunked[T]) add(v T) int32 {
	i := c.n
	if i&(1<<chunkBits-1) == 0 {
		// The first chunk grows as a slice does, so that a small input
		// stays small; the others are made whole.
		var next []T
		if i > 0 {
			next = make([]T, 0, 1<<chunkBits)
		}
		c.chunks = append(c.chunks, next)
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, v)
	c.n++
	return int32(i)
}

// at returns a pointer to the element at index i.
func (c *chunked[T]) at(i int32) *T {
	return &c.chunks[i>>chunkBits][i&(1<<chunkBits-1)]
}

func (c *chunked[T]) len() int { return c.n }

// release drops the chunk that holds index i, when i is the last element of
// its chunk or of the list: the caller is done with every element of it.
// Reading a released element panics.
func (c *chunked[T]) release(i int32) {
	if int(i)+1 == c.n || (i+1)&(1<<chunkBits-1) == 0 {
		c.chunks[i>>chunkBits] = nil
	}
}
