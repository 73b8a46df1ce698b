/**
 * How a window or an as-of date sits against the community's data range (the first and the last
 * date on its dated records). A window that lies wholly before the first or after the last record
 * has no data: analysing it would report memberships and ties that merely never ended, so it is
 * answered as empty and says why. A window that only partly overlaps is analysed and says how many
 * of its days have data — the demo's or an old roster's calendar can end long before today.
 */
export interface DataRange {
  first: Date | null;
  last: Date | null;
}

export interface Coverage {
  /** true: nothing dated falls inside; the analysis is answered as empty */
  outside: boolean;
  message: string | null;
}

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export function coverage(range: DataRange, when: { from: number | null; to: number | null; asOf: number | null }): Coverage {
  const first = range.first?.getTime() ?? null;
  const last = range.last?.getTime() ?? null;
  if (first === null || last === null) {
    const dated = when.from !== null || when.to !== null || when.asOf !== null;
    return dated
      ? { outside: false, message: 'This community has no dated records yet; the date options change nothing / 该社区尚无带日期的记录，日期条件不起作用' }
      : { outside: false, message: null };
  }
  const range_ = `${day(first)} – ${day(last)}`;
  if (when.asOf !== null) {
    if (when.asOf < first) {
      return { outside: true, message: `asOf ${day(when.asOf)} is before the community's first dated record (data: ${range_}) / 该时点早于社区最早的记录（数据范围 ${range_}）` };
    }
    if (when.asOf > last + DAY) {
      return { outside: false, message: `The data ends on ${day(last)}: the network is shown as it stood then (data: ${range_}) / 数据截至 ${day(last)}，显示的是当时的网络` };
    }
    return { outside: false, message: null };
  }
  if (when.from !== null && when.from > last) {
    return { outside: true, message: `No data in this window: it starts after the community's last dated record (data: ${range_}) / 该时间范围在社区最后一条记录之后，没有数据（数据范围 ${range_}）` };
  }
  if (when.to !== null && when.to <= first) {
    return { outside: true, message: `No data in this window: it ends before the community's first dated record (data: ${range_}) / 该时间范围在社区最早的记录之前，没有数据（数据范围 ${range_}）` };
  }
  if (when.from === null || when.to === null) return { outside: false, message: null };
  const covered = Math.min(when.to, last + DAY) - Math.max(when.from, first);
  const length = when.to - when.from;
  if (covered < length - DAY) {
    const days = Math.max(1, Math.round(covered / DAY));
    const total = Math.round(length / DAY);
    return { outside: false, message: `Only ${days} of this window's ${total} days have data (data: ${range_}) / 本时间范围 ${total} 天中只有 ${days} 天有数据（数据范围 ${range_}）` };
  }
  return { outside: false, message: null };
}
