/** The web shell: three areas — the citizen portal (/), the officer workspace (/office), dashboards (/dashboard). */
export function App() {
  return (
    <main>
      <h1>MotCua — Cổng dịch vụ công</h1>
      <p>Hệ thống thông tin một cửa điện tử.</p>
    </main>
  );
}
