/** The admin page's entry: its styles and the app, rendered into #admin (index.html). */
import { render } from 'preact';
import { AdminApp } from './app.tsx';
import './admin.css';

const root = document.getElementById('admin');
if (root) render(<AdminApp />, root);
