package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"sync"
	"unsafe"
)

// Files are written and read by the same binary (a caller keeps the
// binary's hash in every file and checks it), so they need no schema:
// values are written field by field in declaration order. Unlike encoding/gob, a
// pointer to a zero value stays apart from a nil pointer (decimals = 0 is
// not "no decimals"), and unlike encoding/json, fields tagged json:"-" are
// kept. Unexported fields are not written.

// ErrCorrupt is what Read returns for a file that is not one Write wrote.
var ErrCorrupt = errors.New("build cache: corrupt file")

// A codec writes and reads the values of one type. Codecs are made once per
// type, so that reading a cache file does not ask reflect about every
// field of every value.
type codec struct {
	enc func(e *encoder, v reflect.Value)
	dec func(d *decoder, v reflect.Value) error
}

var (
	codecs   sync.Map // reflect.Type → *codec, complete
	codecsMu sync.Mutex
)

func codecOf(t reflect.Type) *codec {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec)
	}
	codecsMu.Lock()
	defer codecsMu.Unlock()
	made := map[reflect.Type]*codec{}
	c := makeCodec(t, made)
	for t, c := range made {
		codecs.Store(t, c)
	}
	return c
}

// makeCodec makes the codec of t and of the types inside it; made holds
// those being made, for recursive types.
func makeCodec(t reflect.Type, made map[reflect.Type]*codec) *codec {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec)
	}
	if c := made[t]; c != nil {
		return c
	}
	c := &codec{}
	made[t] = c
	switch t.Kind() {
	case reflect.Bool:
		c.enc = func(e *encoder, v reflect.Value) {
			if v.Bool() {
				e.b = append(e.b, 1)
			} else {
				e.b = append(e.b, 0)
			}
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			x, err := d.byte()
			v.SetBool(x == 1)
			return err
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(e *encoder, v reflect.Value) { e.b = binary.AppendVarint(e.b, v.Int()) }
		c.dec = func(d *decoder, v reflect.Value) error {
			ux, err := d.uvarint()
			x := int64(ux >> 1) // zig-zag, as binary.AppendVarint writes
			if ux&1 != 0 {
				x = ^x
			}
			v.SetInt(x)
			return err
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.enc = func(e *encoder, v reflect.Value) { e.b = binary.AppendUvarint(e.b, v.Uint()) }
		c.dec = func(d *decoder, v reflect.Value) error {
			x, err := d.uvarint()
			v.SetUint(x)
			return err
		}
	case reflect.Float32, reflect.Float64:
		c.enc = func(e *encoder, v reflect.Value) {
			e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v.Float()))
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			b, err := d.next(8)
			if err != nil {
				return err
			}
			v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(b)))
			return nil
		}
	case reflect.String:
		c.enc = func(e *encoder, v reflect.Value) {
			e.b = append(binary.AppendUvarint(e.b, uint64(v.Len())), v.String()...)
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			n, err := d.length()
			if err != nil {
				return err
			}
			b, err := d.next(n)
			if err != nil {
				return err
			}
			v.SetString(d.string(b))
			return nil
		}
	case reflect.Pointer:
		elem := makeCodec(t.Elem(), made)
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.b = append(e.b, 0)
				return
			}
			e.b = append(e.b, 1)
			elem.enc(e, v.Elem())
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			x, err := d.byte()
			if err != nil || x == 0 {
				return err
			}
			p := reflect.New(t.Elem())
			v.Set(p)
			return elem.dec(d, p.Elem())
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			c.enc = func(e *encoder, v reflect.Value) {
				if v.IsNil() {
					e.b = append(e.b, 0)
					return
				}
				e.b = append(binary.AppendUvarint(append(e.b, 1), uint64(v.Len())), v.Bytes()...)
				e.flush()
			}
			c.dec = func(d *decoder, v reflect.Value) error {
				x, err := d.byte()
				if err != nil || x == 0 {
					return err
				}
				n, err := d.length()
				if err != nil {
					return err
				}
				b, err := d.next(n)
				v.SetBytes(append(make([]byte, 0, n), b...))
				return err
			}
			break
		}
		elem := makeCodec(t.Elem(), made)
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.b = append(e.b, 0)
				return
			}
			e.b = binary.AppendUvarint(append(e.b, 1), uint64(v.Len()))
			for i := range v.Len() {
				elem.enc(e, v.Index(i))
				e.flush()
			}
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			x, err := d.byte()
			if err != nil || x == 0 {
				return err
			}
			n, err := d.length()
			if err != nil {
				return err
			}
			v.Set(reflect.MakeSlice(t, n, n))
			for i := range n {
				if err := elem.dec(d, v.Index(i)); err != nil {
					return err
				}
			}
			return nil
		}
	case reflect.Array:
		elem := makeCodec(t.Elem(), made)
		c.enc = func(e *encoder, v reflect.Value) {
			for i := range v.Len() {
				elem.enc(e, v.Index(i))
			}
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			for i := range v.Len() {
				if err := elem.dec(d, v.Index(i)); err != nil {
					return err
				}
			}
			return nil
		}
	case reflect.Map:
		key, elem := makeCodec(t.Key(), made), makeCodec(t.Elem(), made)
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.b = append(e.b, 0)
				return
			}
			e.b = binary.AppendUvarint(append(e.b, 1), uint64(v.Len()))
			for it := v.MapRange(); it.Next(); {
				key.enc(e, it.Key())
				elem.enc(e, it.Value())
				e.flush()
			}
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			x, err := d.byte()
			if err != nil || x == 0 {
				return err
			}
			n, err := d.length()
			if err != nil {
				return err
			}
			v.Set(reflect.MakeMapWithSize(t, n))
			for range n {
				k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
				if err := key.dec(d, k); err != nil {
					return err
				}
				if err := elem.dec(d, e); err != nil {
					return err
				}
				v.SetMapIndex(k, e)
			}
			return nil
		}
	case reflect.Struct:
		type field struct {
			i int
			c *codec
		}
		var fields []field
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				fields = append(fields, field{i, makeCodec(t.Field(i).Type, made)})
			}
		}
		c.enc = func(e *encoder, v reflect.Value) {
			for _, f := range fields {
				f.c.enc(e, v.Field(f.i))
			}
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			for _, f := range fields {
				if err := f.c.dec(d, v.Field(f.i)); err != nil {
					return err
				}
			}
			return nil
		}
	default:
		err := fmt.Errorf("build cache: cannot store a %s", t)
		c.enc = func(e *encoder, _ reflect.Value) { e.fail(err) }
		c.dec = func(*decoder, reflect.Value) error { return err }
	}
	return c
}

// decoder reads a cache file held whole in memory. The strings it returns
// share that memory (the file is read once and never written to), so that
// restoring tens of thousands of records does not allocate a string each.
type decoder struct {
	buf []byte
	pos int
}

func (d *decoder) left() int { return len(d.buf) - d.pos }

func (d *decoder) byte() (byte, error) {
	if d.pos >= len(d.buf) {
		return 0, ErrCorrupt
	}
	c := d.buf[d.pos]
	d.pos++
	return c, nil
}

func (d *decoder) uvarint() (uint64, error) {
	x, n := binary.Uvarint(d.buf[d.pos:])
	if n <= 0 {
		return 0, ErrCorrupt
	}
	d.pos += n
	return x, nil
}

func (d *decoder) length() (int, error) {
	n, err := d.uvarint()
	if err != nil || n > uint64(d.left()) { // every element takes at least a byte
		return 0, ErrCorrupt
	}
	return int(n), nil
}

// string returns b, bytes of the file, as a string without copying them.
func (d *decoder) string(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// next returns the next n bytes of the file.
func (d *decoder) next(n int) ([]byte, error) {
	if n > d.left() {
		return nil, ErrCorrupt
	}
	b := d.buf[d.pos : d.pos+n : d.pos+n]
	d.pos += n
	return b, nil
}

// header starts every file: what it is and the version of the codec.
const header = "tiendo cache\ncodec 1\n"

// encoder writes a cache file through a buffer that is flushed between
// the elements of slices and maps, so that a large file is never in memory
// whole (fresh memory is not cheap: every page of it faults once).
type encoder struct {
	b   []byte
	w   io.Writer
	err error
}

const encoderFlush = 64 << 10

// flush writes the buffer out once it is full.
func (e *encoder) flush() {
	if len(e.b) < encoderFlush {
		return
	}
	if e.err == nil {
		_, e.err = e.w.Write(e.b)
	}
	e.b = e.b[:0]
}

func (e *encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Write writes *v to the file name, atomically: a reader sees the old
// file or the new one, whole.
func Write(name string, v any) error {
	tmp := name + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(v).Elem()
	e := &encoder{b: append(make([]byte, 0, 2*encoderFlush), header...), w: f}
	codecOf(rv.Type()).enc(e, rv)
	if e.err == nil {
		_, e.err = f.Write(e.b)
	}
	if err := f.Close(); e.err == nil {
		e.err = err
	}
	if e.err != nil {
		os.Remove(tmp)
		return e.err
	}
	return os.Rename(tmp, name)
}

// Read reads into *v what Write wrote from a value of the same type. A
// file that is damaged or was written from another type is ErrCorrupt or
// a value the caller's own checks (a version, the binary's hash) refuse;
// never a panic.
func Read(name string, v any) error {
	buf, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	d := &decoder{buf: buf}
	if b, err := d.next(len(header)); err != nil || string(b) != header {
		return ErrCorrupt
	}
	rv := reflect.ValueOf(v).Elem()
	if err := codecOf(rv.Type()).dec(d, rv); err != nil {
		return err
	}
	if d.left() != 0 {
		return ErrCorrupt
	}
	return nil
}
