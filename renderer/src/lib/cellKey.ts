/** A grid cell's key, `${employeeId}|${date}`: the one spelling used by stores, grid and marks. */
export type Key = string;
export const keyOf = (employeeId: string, date: string): Key => `${employeeId}|${date}`;
export const splitKey = (k: Key): [string, string] => {
  const i = k.lastIndexOf('|');
  return [k.slice(0, i), k.slice(i + 1)];
};
