/**
 * The office's drag-and-drop box (`.reception__drop` in desk.css): highlighted while files are dragged over it,
 * hands the dropped files on; the label and file input inside it are the caller's (the keyboard and phone way).
 */
import { useState, type DragEvent, type ReactNode } from 'react';

export function DropArea({ onFiles, children }: { onFiles: (files: FileList) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    onFiles(event.dataTransfer.files);
  };
  return (
    <div
      className={over ? 'reception__drop reception__drop--over' : 'reception__drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {children}
    </div>
  );
}
