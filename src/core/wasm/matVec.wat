;; y = M x for a square row-major matrix of doubles, with WebAssembly SIMD (two f64 lanes).
;; The source of matVecModule.ts (regenerate with `node scripts/build-wasm.mjs`; a unit test
;; checks that the committed bytes are this file's).
;;
;; matVec(m, x, y, n): M at byte offset m (n·n doubles), x at x (n doubles), y at y (n doubles).
;; Each row is summed in two f64x2 accumulators, four doubles per iteration, then the n mod 4
;; leftover columns one at a time. Loads need no alignment (an odd n leaves rows 8-byte aligned).
(module
  (memory (export "memory") 1)
  (func (export "matVec") (param $m i32) (param $x i32) (param $y i32) (param $n i32)
    (local $i i32) (local $j i32) (local $row i32) (local $rowBytes i32) (local $end i32)
    (local $a0 v128) (local $a1 v128) (local $s f64)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    ;; bytes of the columns handled four at a time: (n & ~3) · 8
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 3)))
    (local.set $row (local.get $m))
    (block $done (loop $rows
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $a0 (v128.const f64x2 0 0))
      (local.set $a1 (v128.const f64x2 0 0))
      (local.set $j (i32.const 0))
      (block $quads (loop $quad
        (br_if $quads (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul
          (v128.load (i32.add (local.get $row) (local.get $j)))
          (v128.load (i32.add (local.get $x) (local.get $j))))))
        (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul
          (v128.load offset=16 (i32.add (local.get $row) (local.get $j)))
          (v128.load offset=16 (i32.add (local.get $x) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br $quad)))
      (local.set $a0 (f64x2.add (local.get $a0) (local.get $a1)))
      (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $a0)) (f64x2.extract_lane 1 (local.get $a0))))
      (block $singles (loop $single
        (br_if $singles (i32.ge_u (local.get $j) (local.get $rowBytes)))
        (local.set $s (f64.add (local.get $s) (f64.mul
          (f64.load (i32.add (local.get $row) (local.get $j)))
          (f64.load (i32.add (local.get $x) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 8)))
        (br $single)))
      (f64.store (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 3))) (local.get $s))
      (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rows)))
  )
)
