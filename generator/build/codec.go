package build

import (
	"encoding/binary"
	"errors"
	"fmt"
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
			x, n := binary.Varint(d.b)
			if n <= 0 {
				return errCodec
			}
			d.b = d.b[n:]
			v.SetInt(x)
			return nil
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
			if len(d.b) < 8 {
				return errCodec
			}
			v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(d.b)))
			d.b = d.b[8:]
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
			v.SetString(string(d.b[:n]))
			d.b = d.b[n:]
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
				v.SetBytes(append(make([]byte, 0, n), d.b[:n]...))
				d.b = d.b[n:]
				return nil
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

type decoder struct{ b []byte }

func (d *decoder) uvarint() (uint64, error) {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		return 0, errCodec
	}
	d.b = d.b[n:]
	return x, nil
}

func (d *decoder) byte() (byte, error) {
	if len(d.b) == 0 {
		return 0, errCodec
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c, nil
}

func (d *decoder) length() (int, error) {
	n, err := d.uvarint()
	if err != nil || n > uint64(len(d.b)) { // every element takes at least a byte
		return 0, errCodec
	}
	return int(n), nil
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
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	head := cacheMagic + cacheVersion + "\n"
	if len(b) < len(head) || string(b[:len(head)]) != head {
		return errCodec
	}
	d := &decoder{b: b[len(head):]}
	rv := reflect.ValueOf(v).Elem()
	if err := codecOf(rv.Type()).dec(d, rv); err != nil {
		return err
	}
	if len(d.b) != 0 {
		return errCodec
	}
	return nil
}
