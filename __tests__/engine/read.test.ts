import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FileReader, type RawRead } from "../../src/engine/read";

/** What a read says, without the stat object: comparable across the two ways of reading. */
function summary(read: RawRead): string {
  if (!read.ok) return read.reason;
  const kind = read.stat.isSymbolicLink() ? "link" : read.stat.isFile() ? "file" : "other";
  return `${kind} ${read.bytes === null ? "-" : read.bytes.toString("utf8")}`;
}

describe("FileReader", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-read-"));
  const paths: string[] = [];
  for (let i = 0; i < 40; i++) {
    const file = path.join(dir, `f${i}.ts`);
    fs.writeFileSync(file, `export const n = ${i};\n`);
    paths.push(file);
  }
  fs.mkdirSync(path.join(dir, "folder"));
  fs.symlinkSync(paths[0], path.join(dir, "link.ts"));
  fs.writeFileSync(path.join(dir, "big.ts"), "x".repeat(200));
  paths.splice(10, 0, path.join(dir, "missing.ts"), path.join(dir, "folder"), path.join(dir, "link.ts"), path.join(dir, "big.ts"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function readAll(reader: FileReader): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < paths.length; i++) out.push(summary(await reader.read(i)));
    return out;
  }

  it("reads every file in order, and says why it could not read one", async () => {
    const reads = await readAll(new FileReader(paths, 100, Infinity));
    expect(reads[0]).toBe("file export const n = 0;\n");
    expect(reads.slice(10, 14)).toEqual(["cannot read: ENOENT", "other -", "link -", "file -"]);
    expect(reads[14]).toBe("file export const n = 10;\n");
  });

  it("reads ahead once reads turn slow, with the same results", async () => {
    const quick = new FileReader(paths, 100, Infinity);
    const slow = new FileReader(paths, 100, 0);
    const expected = await readAll(quick);
    expect(await readAll(slow)).toEqual(expected);
    expect(quick.readingAhead).toBe(false);
    expect(slow.readingAhead).toBe(true);
  });
});
