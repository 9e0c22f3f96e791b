/**
 * Our published Excel template for the catalogue: one sheet per kind of row, one header row whose cells read
 * "Label (key)", data from row 2. The sheets and columns are declared here; the adapter only moves cells in and
 * out of .xlsx files. Lists inside a cell are one item per line; a "name | url" or "code | name" pair is split
 * on " | ". Agencies are written `@<agency code>` (one agency), `noi-tiep-nhan:<kind>:<level>` (the agency of that
 * kind and level where the dossier is received), `tat-ca:<kind>:<level>` (every such agency) or left empty (a
 * body outside our organisation, by name only).
 */
export type Cell = string | number | boolean | null;

export interface ColumnSpec {
  readonly key: string;
  readonly label: string;
  readonly width?: number;
}

export interface SheetSpec {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

export interface SheetRow {
  /** The spreadsheet row number (header = 1). */
  readonly rowNumber: number;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface SheetData {
  readonly name: string;
  readonly rows: readonly SheetRow[];
}

const col = (key: string, label: string, width = 18): ColumnSpec => ({ key, label, width });
const CODE = col('ma_tthc', 'Mã TTHC', 12);
const CASE = col('ma_truong_hop', 'Mã trường hợp', 14);

export const catalogSheets = {
  procedure: {
    name: 'ThuTuc',
    description: 'Một dòng cho mỗi thủ tục',
    columns: [
      CODE,
      col('ten', 'Tên thủ tục', 50),
      col('ma_linh_vuc', 'Mã lĩnh vực', 12),
      col('ten_linh_vuc', 'Tên lĩnh vực', 24),
      col('cap_thuc_hien', 'Cấp thực hiện (central, province, commune, district_legacy)'),
      col('co_quan', 'Cơ quan giải quyết (@mã | noi-tiep-nhan:loại:cấp | tat-ca:loại:cấp | trống)', 24),
      col('ten_co_quan', 'Tên cơ quan giải quyết', 30),
      col('noi_tiep_nhan', 'Nơi tiếp nhận (mỗi dòng: cơ quan | tên)', 30),
      col('doi_tuong', 'Đối tượng thực hiện', 30),
      col('trinh_tu', 'Trình tự thực hiện (mỗi bước một dòng)', 50),
      col('yeu_cau', 'Yêu cầu, điều kiện', 30),
      col('ket_qua', 'Kết quả (mỗi dòng: mã | tên, hoặc tên)', 30),
      col('qd_cong_bo', 'Quyết định công bố (số)', 16),
      col('qd_cong_bo_ngay', 'Ngày quyết định công bố (YYYY-MM-DD)', 14),
      col('muc_do', 'Mức độ DVC trực tuyến (full, partial, none)', 12),
      col('muc_do_cu', 'Mức độ cũ (1-4)', 8),
      col('ly_do_mot_phan', 'Lý do chỉ một phần', 24),
      col('buu_chinh_nop', 'Nộp qua bưu chính (co, khong, trống = chưa rõ)', 10),
      col('buu_chinh_tra', 'Trả qua bưu chính (co, khong)', 10),
      col('phai_co_mat', 'Phải có mặt trực tiếp (co, khong)', 10),
      col('ghi_chu_ho_so', 'Ghi chú thành phần hồ sơ (mỗi dòng một ghi chú)', 30),
      col('nguon_url', 'Nguồn (URL)', 30),
      col('nguon_ghi_chu', 'Nguồn (ghi chú)', 24),
      col('da_xac_minh', 'Đã xác minh (co, khong)', 10),
      col('truong_suy_ra', 'Trường suy ra, chưa xác minh (mỗi dòng một trường)', 24),
    ],
  },
  cases: {
    name: 'TruongHop',
    description: 'Các trường hợp của thủ tục',
    columns: [CODE, CASE, col('ten', 'Tên trường hợp', 40), col('mo_ta', 'Mô tả', 40)],
  },
  times: {
    name: 'ThoiHan',
    description: 'Thời hạn giải quyết theo trường hợp và kênh',
    columns: [
      CODE,
      CASE,
      col('so_luong', 'Thời hạn', 8),
      col('don_vi', 'Đơn vị (Ngày làm việc, Giờ làm việc, Ngày, Tháng)', 14),
      col('kenh', 'Kênh (counter, online, postal; mỗi dòng một kênh hoặc cách nhau dấu phẩy)', 16),
      col('gio_chot', 'Giờ chốt trong ngày (HH:MM)', 10),
      col('ghi_chu', 'Ghi chú', 30),
      col('suy_ra', 'Suy ra (co, khong)', 8),
    ],
  },
  fees: {
    name: 'PhiLePhi',
    description: 'Phí, lệ phí (đồng)',
    columns: [
      CODE,
      CASE,
      col('ma_phi', 'Mã phí', 10),
      col('ten', 'Tên phí, lệ phí', 30),
      col('loai', 'Loại (phi, le_phi)', 10),
      col('so_tien', 'Số tiền (đồng)', 12),
      col('tinh_theo', 'Tính theo (ví dụ /trang)', 12),
      col('quy_dinh', 'Quy định (khi không có số tiền cố định)', 30),
      col('mien_giam', 'Đối tượng miễn, giảm (mỗi dòng một đối tượng)', 30),
      col('kenh', 'Kênh (counter, online, postal)', 16),
    ],
  },
  documents: {
    name: 'ThanhPhanHoSo',
    description: 'Thành phần hồ sơ',
    columns: [
      CODE,
      CASE,
      col('ma_giay_to', 'Mã giấy tờ', 10),
      col('ten', 'Tên giấy tờ', 50),
      col('ban_chinh', 'Bản chính', 8),
      col('ban_sao_chung_thuc', 'Bản sao chứng thực', 8),
      col('ban_photo', 'Bản photo', 8),
      col('ban_sao', 'Bản sao (không rõ loại)', 8),
      col('yeu_cau', 'Yêu cầu (mandatory, optional, conditional)', 12),
      col('dieu_kien', 'Điều kiện', 30),
      col('chi_xuat_trinh', 'Chỉ xuất trình (co, khong)', 8),
      col('kenh', 'Kênh nộp hỏi giấy tờ (counter, online, postal; trống = mọi kênh)', 14),
      col('mau_don', 'Mẫu đơn, tờ khai (mỗi dòng: tên | url)', 30),
    ],
  },
  legalBasis: {
    name: 'CanCuPhapLy',
    description: 'Căn cứ pháp lý',
    columns: [
      CODE,
      col('so_hieu', 'Số hiệu', 18),
      col('trich_yeu', 'Trích yếu', 50),
      col('co_quan_ban_hanh', 'Cơ quan ban hành', 18),
      col('ngay_ban_hanh', 'Ngày ban hành (YYYY-MM-DD)', 14),
    ],
  },
  workflows: {
    name: 'QuyTrinh',
    description: 'Quy trình nội bộ: mỗi dòng một bước (bước song song: cùng số thứ tự, khác nhánh)',
    columns: [
      CODE,
      CASE,
      col('ma_quy_trinh', 'Mã quy trình', 12),
      col('ten_quy_trinh', 'Tên quy trình', 24),
      col('co_quan', 'Cơ quan áp dụng (@mã | noi-tiep-nhan:loại:cấp | tat-ca:loại:cấp)', 24),
      col('ten_co_quan', 'Tên cơ quan áp dụng', 24),
      col('kenh', 'Kênh áp dụng (trống = mọi kênh)', 14),
      col('thu_tu', 'Thứ tự bước', 8),
      col('ma_buoc', 'Mã bước', 12),
      col('ten_buoc', 'Tên bước', 30),
      col('nhom_song_song', 'Mã nhóm song song (trống = tuần tự)', 12),
      col('ten_nhom', 'Tên nhóm song song', 20),
      col('ma_nhanh', 'Mã nhánh', 10),
      col('ten_nhanh', 'Tên nhánh', 20),
      col('don_vi', 'Đơn vị xử lý (receiving_desk, competent_agency, @mã, external)', 18),
      col('ten_don_vi', 'Tên đơn vị xử lý', 24),
      col('vai_tro', 'Vai trò', 18),
      col('gio', 'Thời gian (giờ làm việc)', 8),
    ],
  },
} as const satisfies Record<string, SheetSpec>;

export const catalogSheetList: readonly SheetSpec[] = Object.values(catalogSheets);

/** "Label (key)" → key; a header without a key in parentheses is its own key. */
export function headerKey(header: string): string {
  const match = /\(([a-z_]+)\)\s*$/.exec(header.trim());
  return match ? match[1]! : header.trim();
}

export function headerLabel(column: ColumnSpec): string {
  return `${column.label} (${column.key})`;
}
