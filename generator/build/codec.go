package build

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"sync"
)

// The cache files are written and read by the same binary (the binary's
// hash is part of every cache file), so they need no schema: values are
// written field by field in declaration order. Unlike encoding/gob, a
// pointer to a zero value stays apart from a nil pointer (decimals = 0 is
// not "no decimals"), and unlike encoding/json, fields tagged json:"-" are
// kept. Unexported fields are not written.

var errCodec = errors.New("build cache: corrupt file")

// A codec writes and reads the values of one type. Codecs are made once per
// type, so that reading a cache file does not ask reflect about every
// field of every value.
type codec struct {
	enc func(b []byte, v reflect.Value) ([]byte, error)
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
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			if v.Bool() {
				return append(b, 1), nil
			}
			return append(b, 0), nil
		}
		c.dec = func(d *decoder, v reflect.Value) error {
			x, err := d.byte()
			v.SetBool(x == 1)
			return err
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) { return binary.AppendVarint(b, v.Int()), nil }
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
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) { return binary.AppendUvarint(b, v.Uint()), nil }
		c.dec = func(d *decoder, v reflect.Value) error {
			x, err := d.uvarint()
			v.SetUint(x)
			return err
		}
	case reflect.Float32, reflect.Float64:
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float())), nil
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
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			b = binary.AppendUvarint(b, uint64(v.Len()))
			return append(b, v.String()...), nil
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
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			if v.IsNil() {
				return append(b, 0), nil
			}
			return elem.enc(append(b, 1), v.Elem())
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
			c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
				if v.IsNil() {
					return append(b, 0), nil
				}
				b = binary.AppendUvarint(append(b, 1), uint64(v.Len()))
				return append(b, v.Bytes()...), nil
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
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			if v.IsNil() {
				return append(b, 0), nil
			}
			b = binary.AppendUvarint(append(b, 1), uint64(v.Len()))
			var err error
			for i := range v.Len() {
				if b, err = elem.enc(b, v.Index(i)); err != nil {
					return nil, err
				}
			}
			return b, nil
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
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			var err error
			for i := range v.Len() {
				if b, err = elem.enc(b, v.Index(i)); err != nil {
					return nil, err
				}
			}
			return b, nil
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
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			if v.IsNil() {
				return append(b, 0), nil
			}
			b = binary.AppendUvarint(append(b, 1), uint64(v.Len()))
			var err error
			for it := v.MapRange(); it.Next(); {
				if b, err = key.enc(b, it.Key()); err != nil {
					return nil, err
				}
				if b, err = elem.enc(b, it.Value()); err != nil {
					return nil, err
				}
			}
			return b, nil
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
		c.enc = func(b []byte, v reflect.Value) ([]byte, error) {
			var err error
			for _, f := range fields {
				if b, err = f.c.enc(b, v.Field(f.i)); err != nil {
					return nil, err
				}
			}
			return b, nil
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
		c.enc = func([]byte, reflect.Value) ([]byte, error) { return nil, err }
		c.dec = func(*decoder, reflect.Value) error { return err }
	}
	return c
}

// decoder reads a cache file through a small buffer, so that a large file
// does not have to be in memory twice (fresh memory is not cheap).
type decoder struct {
	r       *bufio.Reader
	left    int64  // bytes not read yet
	scratch []byte // for strings
	intern  map[string]string
}

func (d *decoder) byte() (byte, error) {
	if d.left <= 0 {
		return 0, errCodec
	}
	d.left--
	c, err := d.r.ReadByte()
	if err != nil {
		return 0, errCodec
	}
	return c, nil
}

func (d *decoder) uvarint() (uint64, error) {
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		c, err := d.byte()
		if err != nil {
			return 0, err
		}
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x, nil
		}
	}
	return 0, errCodec
}

func (d *decoder) length() (int, error) {
	n, err := d.uvarint()
	if err != nil || n > uint64(d.left) { // every element takes at least a byte
		return 0, errCodec
	}
	return int(n), nil
}

// string returns b as a string, the same string for the same short bytes
// within a file (paths, ids and names repeat in every record).
func (d *decoder) string(b []byte) string {
	if len(b) > 256 {
		return string(b)
	}
	if s, ok := d.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if d.intern == nil {
		d.intern = map[string]string{}
	}
	d.intern[s] = s
	return s
}

// next returns the next n bytes, valid until the next call.
func (d *decoder) next(n int) ([]byte, error) {
	if int64(n) > d.left {
		return nil, errCodec
	}
	if cap(d.scratch) < n {
		d.scratch = make([]byte, n)
	}
	b := d.scratch[:n]
	if _, err := io.ReadFull(d.r, b); err != nil {
		return nil, errCodec
	}
	d.left -= int64(n)
	return b, nil
}

// cacheMagic starts every cache file.
const cacheMagic = "tiendo cache\n"

// writeCacheFile writes *v to name atomically.
func writeCacheFile(name string, v any) error {
	rv := reflect.ValueOf(v).Elem()
	b, err := codecOf(rv.Type()).enc([]byte(cacheMagic+cacheVersion+"\n"), rv)
	if err != nil {
		return err
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// readCacheFile reads what writeCacheFile wrote into *v.
func readCacheFile(name string, v any) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	d := &decoder{r: bufio.NewReaderSize(f, 64<<10), left: info.Size()}
	head := cacheMagic + cacheVersion + "\n"
	if b, err := d.next(len(head)); err != nil || string(b) != head {
		return errCodec
	}
	rv := reflect.ValueOf(v).Elem()
	if err := codecOf(rv.Type()).dec(d, rv); err != nil {
		return err
	}
	if d.left != 0 {
		return errCodec
	}
	return nil
}
