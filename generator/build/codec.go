package build

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
)

// The cache files are written and read by the same binary (the binary's
// hash is part of every cache file), so they need no schema: values are
// written field by field in declaration order. Unlike encoding/gob, a
// pointer to a zero value stays apart from a nil pointer (decimals = 0 is
// not "no decimals"), and unlike encoding/json, fields tagged json:"-" are
// kept. Unexported fields are not written.

var errCodec = errors.New("build cache: corrupt file")

func encode(b []byte, v reflect.Value) ([]byte, error) {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1), nil
		}
		return append(b, 0), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.AppendUvarint(b, v.Uint()), nil
	case reflect.Float32, reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float())), nil
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...), nil
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 0), nil
		}
		return encode(append(b, 1), v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0), nil
		}
		b = binary.AppendUvarint(append(b, 1), uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return append(b, v.Bytes()...), nil
		}
		fallthrough
	case reflect.Array:
		if v.Kind() == reflect.Array {
			b = binary.AppendUvarint(b, uint64(v.Len()))
		}
		var err error
		for i := range v.Len() {
			if b, err = encode(b, v.Index(i)); err != nil {
				return nil, err
			}
		}
		return b, nil
	case reflect.Map:
		if v.IsNil() {
			return append(b, 0), nil
		}
		b = binary.AppendUvarint(append(b, 1), uint64(v.Len()))
		var err error
		for it := v.MapRange(); it.Next(); {
			if b, err = encode(b, it.Key()); err != nil {
				return nil, err
			}
			if b, err = encode(b, it.Value()); err != nil {
				return nil, err
			}
		}
		return b, nil
	case reflect.Struct:
		t := v.Type()
		var err error
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				if b, err = encode(b, v.Field(i)); err != nil {
					return nil, err
				}
			}
		}
		return b, nil
	}
	return nil, fmt.Errorf("build cache: cannot store a %s", v.Type())
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

func (d *decoder) decode(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		c, err := d.byte()
		v.SetBool(c == 1)
		return err
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, n := binary.Varint(d.b)
		if n <= 0 {
			return errCodec
		}
		d.b = d.b[n:]
		v.SetInt(x)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x, err := d.uvarint()
		v.SetUint(x)
		return err
	case reflect.Float32, reflect.Float64:
		if len(d.b) < 8 {
			return errCodec
		}
		v.SetFloat(math.Float64frombits(binary.LittleEndian.Uint64(d.b)))
		d.b = d.b[8:]
		return nil
	case reflect.String:
		n, err := d.length()
		if err != nil {
			return err
		}
		v.SetString(string(d.b[:n]))
		d.b = d.b[n:]
		return nil
	case reflect.Pointer:
		c, err := d.byte()
		if err != nil || c == 0 {
			return err
		}
		p := reflect.New(v.Type().Elem())
		v.Set(p)
		return d.decode(p.Elem())
	case reflect.Slice:
		c, err := d.byte()
		if err != nil || c == 0 {
			return err
		}
		n, err := d.length()
		if err != nil {
			return err
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes(append([]byte{}, d.b[:n]...))
			d.b = d.b[n:]
			return nil
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			if err := d.decode(v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Array:
		n, err := d.length()
		if err != nil || n != v.Len() {
			return errCodec
		}
		for i := range n {
			if err := d.decode(v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		c, err := d.byte()
		if err != nil || c == 0 {
			return err
		}
		n, err := d.length()
		if err != nil {
			return err
		}
		t := v.Type()
		v.Set(reflect.MakeMapWithSize(t, n))
		for range n {
			k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			if err := d.decode(k); err != nil {
				return err
			}
			if err := d.decode(e); err != nil {
				return err
			}
			v.SetMapIndex(k, e)
		}
		return nil
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				if err := d.decode(v.Field(i)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return fmt.Errorf("build cache: cannot read a %s", v.Type())
}

// cacheMagic starts every cache file.
const cacheMagic = "tiendo cache\n"

// writeCacheFile writes *v to name atomically.
func writeCacheFile(name string, v any) error {
	b, err := encode([]byte(cacheMagic+cacheVersion+"\n"), reflect.ValueOf(v).Elem())
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
	if err := d.decode(reflect.ValueOf(v).Elem()); err != nil {
		return err
	}
	if len(d.b) != 0 {
		return errCodec
	}
	return nil
}
