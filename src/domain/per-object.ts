/**
 * A function of an object that never changes (a parsed template's front matter, a fact or a source from the
 * registry), worked out once per object and kept as long as the object lives (a WeakMap, so nothing is held
 * after the object goes).
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
